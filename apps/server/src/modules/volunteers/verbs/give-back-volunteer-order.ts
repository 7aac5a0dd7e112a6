import type { GiveBackOrderInput, VolunteerOrdersDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { lockOrder, updateOrderVersioned } from '../../orders/repo.js';
import { appendOrderEvent } from '../../orders/repo-events.js';
import { VOLUNTEER_MESSAGES as M } from '../messages.js';
import { isTeamLeader, isTeamOrder } from '../policy.js';
import { findVolunteer } from '../repo.js';
import { HANDABLE_STATUSES, listVolunteerOrders, ownTeam } from './list-volunteer-orders.js';

/**
 * POST /api/volunteer-orders/:id/give-back: the volunteer a Red Butler order was handed to gives it back to the team
 * leader with the reason. The order stays with the team's organisation in its status (the team still owes it), leaves
 * the volunteer, and the reason goes on the timeline (internal) addressed to the leader, whom the outbox notifies.
 * A team volunteer it was not handed to gets 404, the leader 403 (they hand it on instead).
 */
export async function giveBackVolunteerOrder({ ctx, input }: VerbArgs<GiveBackOrderInput & { id: string }>): Promise<VolunteerOrdersDto> {
  const mine = await ownTeam(ctx);
  const me = ctx.actor.userId;
  await inTx(ctx, async (tctx) => {
    const order = authorize(await lockOrder(tctx.tx, input.id), {
      see: (o) => mine !== null && isTeamOrder(mine.team, o) && (o.handlerUserId === me || isTeamLeader(mine.team, mine.own)),
      act: (o) => o.handlerUserId === me,
      entity: 'order',
    });
    const { team, own } = mine!;
    if (!(HANDABLE_STATUSES as readonly string[]).includes(order.status)) throw conflict(M.orderNotGivable()[ctx.locale]);
    const leader = team.leaderVolunteerId ? await findVolunteer(tctx.tx, team.leaderVolunteerId) : undefined;
    const now = new Date();
    await updateOrderVersioned(tctx.tx, order.id, { handlerUserId: null }, now);
    await appendOrderEvent(tctx.tx, order, {
      kind: 'comment',
      internal: true,
      actor: { id: me, name: ctx.actor.displayName },
      text: `${team.name}：${own.name} ${M.givenBack()[ctx.locale]}：${input.reason}`,
      details: { givenBackBy: me, teamId: team.id, toUserId: leader?.userId ?? null, notice: 'given_back' },
      at: now,
    });
    await writeAudit(tctx, {
      action: 'volunteer_order.give_back',
      entityType: 'order',
      entityId: order.id,
      streetId: order.streetId,
      communityId: order.communityId,
      details: { teamId: team.id, volunteerId: own.id, reason: input.reason },
    });
  });
  return listVolunteerOrders({ ctx, input: {} });
}
