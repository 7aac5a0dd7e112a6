import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, communityOrderSettings, orders, services } from '../../db/schema/index.js';

type Conn = Db | Tx;

/** One row of `orders` as loaded by every order verb and read. */
export type OrderRow = typeof orders.$inferSelect;
export type NewOrderRow = typeof orders.$inferInsert;
export type OrderPatch = Partial<NewOrderRow>;
export type ServiceRow = typeof services.$inferSelect;
export type AreaRow = typeof areaNodes.$inferSelect;

export async function findOrder(db: Conn, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row;
}

export async function lockOrder(tx: Tx, id: string): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  return row;
}

/** Locks the orders in id order, so two merges crossing each other queue instead of deadlocking. */
export async function lockOrdersInIdOrder(tx: Tx, ids: string[]): Promise<void> {
  await tx.select({ id: orders.id }).from(orders).where(inArray(orders.id, ids)).orderBy(orders.id).for('update');
}

/** Writes `patch` and counts the change in the order's version (the optimistic-lock check of a move). */
export async function updateOrderVersioned(tx: Tx, id: string, patch: OrderPatch, now: Date): Promise<OrderRow> {
  const [row] = await tx
    .update(orders)
    .set({ ...patch, version: sql`${orders.version} + 1`, updatedAt: now })
    .where(eq(orders.id, id))
    .returning();
  return row!;
}

/** The order a user already placed with this idempotency key, if any. */
export async function findOrderIdByIdempotencyKey(db: Conn, userId: string, key: string): Promise<string | null> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.placedBy, userId), eq(orders.idempotencyKey, key)));
  return row?.id ?? null;
}

export async function findService(db: Conn, id: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(services).where(eq(services.id, id));
  return row;
}

export { findAreaRow as findAreaNode } from '../areas/repo.js';

/** Whether the community's admin may close orders (community_order_settings; the street closes by default). */
export async function communityMayClose(db: Conn, communityId: string): Promise<boolean> {
  return (await communitiesThatMayClose(db, [communityId])).has(communityId);
}

/** Of `communityIds`, those whose admin may close orders: one query for a whole page of orders. */
export async function communitiesThatMayClose(db: Conn, communityIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(communityIds)];
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: communityOrderSettings.communityId })
    .from(communityOrderSettings)
    .where(and(inArray(communityOrderSettings.communityId, ids), eq(communityOrderSettings.communityMayClose, true)));
  return new Set(rows.map((r) => r.id));
}

export async function upsertCommunityMayClose(tx: Tx, communityId: string, value: boolean): Promise<void> {
  await tx
    .insert(communityOrderSettings)
    .values({ communityId, communityMayClose: value })
    .onConflictDoUpdate({ target: communityOrderSettings.communityId, set: { communityMayClose: value, updatedAt: new Date() } });
}
