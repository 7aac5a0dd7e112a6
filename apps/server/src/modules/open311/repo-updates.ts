import { and, asc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/pool.js';
import { orderEvents, orders } from '../../db/schema/index.js';

export type UpdateFilter = { from: Date; to: Date; limit: number };

/**
 * Status changes of orders in one street (all streets when null) between `from` and `to`, oldest first: only the
 * public ones (internal notes never leave), and only events that moved the status.
 */
export async function listStatusChangesInStreet(db: Db, streetId: string | null, f: UpdateFilter) {
  return db
    .select({
      id: orderEvents.id,
      at: orderEvents.at,
      kind: orderEvents.kind,
      toStatus: orderEvents.toStatus,
      orderNo: orders.orderNo,
      channel: orders.channel,
    })
    .from(orderEvents)
    .innerJoin(orders, eq(orders.id, orderEvents.orderId))
    .where(
      and(
        streetId ? eq(orderEvents.streetId, streetId) : undefined,
        eq(orderEvents.internal, false),
        isNotNull(orderEvents.toStatus),
        gte(orderEvents.at, f.from),
        lte(orderEvents.at, f.to),
      ),
    )
    .orderBy(asc(orderEvents.at), asc(orderEvents.id))
    .limit(f.limit);
}
export type StatusChangeRow = Awaited<ReturnType<typeof listStatusChangesInStreet>>[number];
