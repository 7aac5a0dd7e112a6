import { type VolunteerOrderDto, type VolunteerOrdersDto } from '@linli/contracts';
import type { AuthedCtx, VerbArgs } from '../../../core/context.js';
import { TEAM_VOLUNTEER_ROLE, isTeamLeader } from '../policy.js';
import { type TeamRow, type VolunteerRow, findTeam, findVolunteerByUser } from '../repo.js';
import { type TeamOrderRow, handableRoster, teamOrders } from '../repo-orders.js';

/** Statuses in which the leader may still hand an order on. */
export const HANDABLE_STATUSES = ['dispatched', 'accepted', 'in_progress'] as const;

export function presentTeamOrder(o: TeamOrderRow, leader: boolean, userId: string): VolunteerOrderDto {
  const open = (HANDABLE_STATUSES as readonly string[]).includes(o.status);
  return {
    id: o.id,
    orderNo: o.orderNo,
    description: o.description,
    address: o.address,
    status: o.status,
    placedAt: o.placedAt.toISOString(),
    stageDueAt: o.stageDueAt?.toISOString() ?? null,
    handlerUserId: o.handlerUserId,
    handlerName: o.handlerName,
    canHand: leader && open,
    canGiveBack: open && o.handlerUserId === userId,
  };
}

/** The caller's own volunteer record and team, when the team takes orders through a handler organisation. */
export async function ownTeam(ctx: AuthedCtx): Promise<{ own: VolunteerRow; team: TeamRow & { handlerOrgId: string } } | null> {
  const own = await findVolunteerByUser(ctx.db, ctx.actor.userId);
  const team = own?.teamId ? await findTeam(ctx.db, own.teamId) : undefined;
  return own && team?.handlerOrgId ? { own, team: { ...team, handlerOrgId: team.handlerOrgId } } : null;
}

/** GET /api/volunteer-orders: a volunteer's orders (handed to them); for the team leader, the team's open orders too. */
export async function listVolunteerOrders({ ctx }: VerbArgs<object>): Promise<VolunteerOrdersDto> {
  const mine = await ownTeam(ctx);
  if (!mine) return { team: null, isLeader: false, roster: [], items: [] };
  const { own, team } = mine;
  const leader = isTeamLeader(team, own);
  const [rows, roster] = await Promise.all([
    teamOrders(ctx.db, team.handlerOrgId, { leader, userId: ctx.actor.userId }),
    leader ? handableRoster(ctx.db, team.id, team.handlerOrgId, TEAM_VOLUNTEER_ROLE) : Promise.resolve([]),
  ]);
  const items = rows.map((o) => presentTeamOrder(o, leader, ctx.actor.userId));
  return { team: { id: team.id, name: team.name }, isLeader: leader, roster, items };
}
