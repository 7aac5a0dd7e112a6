import type { HandOrderInput, VolunteerOrderDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid } from '../../../core/errors.js';
import { lockOrder, updateOrderVersioned } from '../../orders/repo.js';
import { appendOrderEvent } from '../../orders/repo-events.js';
import { VOLUNTEER_MESSAGES as M } from '../messages.js';
import { TEAM_VOLUNTEER_ROLE, isTeamLeader, isTeamOrder } from '../policy.js';
import { handableRoster, teamOrders } from '../repo-orders.js';
import { HANDABLE_STATUSES, ownTeam, presentTeamOrder } from './list-volunteer-orders.js';

/**
 * POST /api/volunteer-orders/:id/hand: the leader of a volunteer team (红管家) hands an order dispatched to the
 * team's organisation to a volunteer of the roster, who then accepts, starts and handles it like handler staff.
 * Orders of other organisations answer 404; a team volunteer who is not the leader gets 403.
 */
export async function handVolunteerOrder({ ctx, input }: VerbArgs<HandOrderInput & { id: string }>): Promise<VolunteerOrderDto> {
  const mine = await ownTeam(ctx);
  const t = (m: keyof typeof M) => M[m]()[ctx.locale];
  await inTx(ctx, async (tctx) => {
    const order = authorize(await lockOrder(tctx.tx, input.id), {
      see: (o) => mine !== null && isTeamOrder(mine.team, o),
      act: () => isTeamLeader(mine!.team, mine!.own),
      entity: 'order',
    });
    const { team } = mine!;
    if (!(HANDABLE_STATUSES as readonly string[]).includes(order.status)) throw conflict(t('orderNotHandable'));
    const target = (await handableRoster(tctx.tx, team.id, team.handlerOrgId, TEAM_VOLUNTEER_ROLE)).find(
      (v) => v.volunteerId === input.volunteerId,
    );
    if (!target) throw invalid([{ path: 'volunteerId', message: t('notOnRoster') }]);
    const now = new Date();
    await updateOrderVersioned(tctx.tx, order.id, { handlerUserId: target.userId }, now);
    await appendOrderEvent(tctx.tx, order, {
      kind: 'comment',
      internal: true,
      actor: { id: ctx.actor.userId, name: ctx.actor.displayName },
      text: `${team.name}：交给志愿者 ${target.name}`,
      // addressed to the volunteer: the outbox tells them (in-app, e-mail) like any handler
      details: { handedTo: target.userId, volunteerId: target.volunteerId, teamId: team.id, toUserId: target.userId, notice: 'handed' },
      at: now,
    });
    await writeAudit(tctx, {
      action: 'volunteer_order.hand',
      entityType: 'order',
      entityId: order.id,
      streetId: order.streetId,
      communityId: order.communityId,
      details: { teamId: team.id, volunteerId: target.volunteerId, from: order.handlerUserId },
    });
  });
  const rows = await teamOrders(ctx.db, mine!.team.handlerOrgId, { leader: true, userId: ctx.actor.userId });
  return presentTeamOrder(
    rows.find((o) => o.id === input.id)!,
    true,
    ctx.actor.userId,
  );
}
