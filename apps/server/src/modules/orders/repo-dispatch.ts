import type { PersonRef, Role } from '@linli/contracts';
import { type SQL, and, asc, count, desc, eq, getTableColumns, gte, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { ScopedRow } from '../../core/actor.js';
import type { Db, Tx } from '../../db/pool.js';
import { handlerOrgs, orders, roleAssignments, services, users } from '../../db/schema/index.js';
import type { OrderRow } from './repo.js';

type Conn = Db | Tx;

export type HandlerOrgPlace = { id: string; streetId: string; communityId: string | null };

export async function findHandlerOrg(db: Conn, id: string): Promise<HandlerOrgPlace | undefined> {
  const [row] = await handlerOrgPlaces(db, [id]);
  return row;
}

/** Where each organisation works (street, and community for a community's own organisation). */
export async function handlerOrgPlaces(db: Conn, ids: string[]): Promise<HandlerOrgPlace[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: handlerOrgs.id, streetId: handlerOrgs.streetId, communityId: handlerOrgs.communityId })
    .from(handlerOrgs)
    .where(inArray(handlerOrgs.id, ids));
}

/** Whether the user is active and holds one of `roles` in the organisation. */
export async function isActiveMemberOf(db: Conn, userId: string, orgId: string, roles: readonly Role[]): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.userId, userId),
        eq(roleAssignments.orgId, orgId),
        inArray(roleAssignments.role, [...roles]),
        eq(users.active, true),
      ),
    );
  return row !== undefined;
}

/** Organisations that took orders of this service in this community in the last `days`, busiest first. */
export async function routingHistory(db: Conn, order: OrderRow, days: number, limit: number): Promise<Map<string, number>> {
  const rows = await db
    .select({ orgId: orders.handlerOrgId, n: count() })
    .from(orders)
    .where(
      and(
        eq(orders.communityId, order.communityId),
        gte(orders.placedAt, sql`now() - make_interval(days => ${days})`),
        eq(orders.serviceId, order.serviceId),
        isNotNull(orders.handlerOrgId),
        ne(orders.id, order.id),
      ),
    )
    .groupBy(orders.handlerOrgId)
    .orderBy(desc(count()), asc(orders.handlerOrgId))
    .limit(limit);
  return new Map(rows.map((r) => [r.orgId!, r.n]));
}

/** Active people holding one of `roles` in each organisation, by name. */
export async function membersOf(db: Conn, orgIds: string[], roles: readonly Role[]): Promise<Map<string, PersonRef[]>> {
  const people = new Map<string, PersonRef[]>();
  if (orgIds.length === 0) return people;
  const rows = await db
    .selectDistinct({ orgId: roleAssignments.orgId, id: users.id, name: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(inArray(roleAssignments.orgId, orgIds), inArray(roleAssignments.role, [...roles]), eq(users.active, true)))
    .orderBy(asc(roleAssignments.orgId), asc(users.displayName), asc(users.id));
  for (const r of rows) people.set(r.orgId!, [...(people.get(r.orgId!) ?? []), { id: r.id, name: r.name }]);
  return people;
}

export async function defaultHandlerOrgOf(db: Conn, serviceId: string): Promise<string | null> {
  const [row] = await db.select({ orgId: services.defaultHandlerOrgId }).from(services).where(eq(services.id, serviceId));
  return row?.orgId ?? null;
}

export async function handlerOrgNames(db: Conn, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.select({ id: handlerOrgs.id, name: handlerOrgs.name }).from(handlerOrgs).where(inArray(handlerOrgs.id, ids));
  return new Map(rows.map((o) => [o.id, o.name]));
}

export type DuplicatePlace = ScopedRow & { compoundId: string | null; buildingId: string | null };
export type DuplicateProbe = {
  serviceId: string;
  text: string;
  where: DuplicatePlace;
  excludeId?: string;
  /** orders in these statuses may still absorb a duplicate */
  statuses: readonly OrderRow['status'][];
  minSimilarity: number;
  limit: number;
};
export type DuplicateRow = OrderRow & { similarity: number; sameBuilding: boolean };

/** Orders of the same service in the same compound (or building, where there is no compound) with similar text. */
export async function findDuplicates(db: Conn, p: DuplicateProbe): Promise<DuplicateRow[]> {
  const place: SQL | undefined = p.where.compoundId
    ? eq(orders.compoundId, p.where.compoundId)
    : p.where.buildingId
      ? eq(orders.buildingId, p.where.buildingId)
      : undefined;
  if (!place) return [];
  const similarity = sql<number>`similarity(${orders.description}, ${p.text})`.mapWith(Number);
  const sameBuilding = (p.where.buildingId ? sql`coalesce(${orders.buildingId} = ${p.where.buildingId}, false)` : sql`false`).mapWith(
    Boolean,
  );
  return db
    .select({ ...getTableColumns(orders), similarity, sameBuilding })
    .from(orders)
    .where(
      and(
        inArray(orders.status, [...p.statuses]),
        eq(orders.serviceId, p.serviceId),
        place,
        p.excludeId ? ne(orders.id, p.excludeId) : undefined,
        sql`${similarity} >= ${p.minSimilarity}`,
      ),
    )
    .orderBy(desc(sameBuilding), desc(similarity), desc(orders.placedAt))
    .limit(p.limit);
}
