import { LIVE_STATUSES, type Role } from '@linli/contracts';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { orders, roleAssignments, users, volunteers } from '../../db/schema/index.js';

type Conn = Db | Tx;

const orderColumns = {
  id: orders.id,
  orderNo: orders.orderNo,
  description: orders.description,
  address: orders.address,
  status: orders.status,
  placedAt: orders.placedAt,
  stageDueAt: orders.stageDueAt,
  handlerOrgId: orders.handlerOrgId,
  handlerUserId: orders.handlerUserId,
  handlerName: users.displayName,
};

/**
 * Volunteer-service orders of a team's organisation: for its leader every live one, for a volunteer those handed to
 * them (closed ones too, newest first).
 */
export async function teamOrders(db: Conn, orgId: string, opts: { leader: boolean; userId: string }) {
  const mine = eq(orders.handlerUserId, opts.userId);
  return db
    .select(orderColumns)
    .from(orders)
    .leftJoin(users, eq(users.id, orders.handlerUserId))
    .where(and(eq(orders.handlerOrgId, orgId), opts.leader ? or(inArray(orders.status, [...LIVE_STATUSES]), mine) : mine))
    .orderBy(desc(orders.placedAt))
    .limit(100);
}

/** Volunteers of the team with an account holding a volunteer role on the team's organisation: who can be handed orders. */
export async function handableRoster(db: Conn, teamId: string, orgId: string, role: Role) {
  return db
    .selectDistinct({ volunteerId: volunteers.id, userId: roleAssignments.userId, name: volunteers.name })
    .from(volunteers)
    .innerJoin(roleAssignments, and(eq(roleAssignments.userId, volunteers.userId), eq(roleAssignments.role, role)))
    .where(and(eq(volunteers.teamId, teamId), eq(volunteers.status, 'active'), eq(roleAssignments.orgId, orgId)))
    .orderBy(volunteers.name);
}

export type TeamOrderRow = Awaited<ReturnType<typeof teamOrders>>[number];
