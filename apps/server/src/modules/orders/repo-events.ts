import type { OrderStatus, TimelineKind } from '@linli/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { orderEvents } from '../../db/schema/index.js';

/** The order's scope ids every event row carries (tenant key and the auditors' filter). */
export type EventScope = { id: string; districtId: string; streetId: string; communityId: string };

export type NewOrderEvent = {
  kind: TimelineKind;
  actor?: { id: string; name: string } | null;
  fromStatus?: OrderStatus | null;
  toStatus?: OrderStatus | null;
  text?: string;
  /** internal entries are never shown to the resident nor sent to them */
  internal?: boolean;
  details?: Record<string, unknown>;
  at?: Date;
};

/** Channel the outbox dispatcher LISTENs on; the payload is the order id. */
export const ORDER_EVENTS_CHANNEL = 'linli_order_events';

/**
 * Appends one timeline entry inside the caller's transaction and wakes the outbox dispatcher (NOTIFY is delivered
 * at commit, so a rolled-back move notifies nobody). Returns the event id.
 */
export async function appendOrderEvent(tx: Tx | Db, order: EventScope, event: NewOrderEvent): Promise<number> {
  const [row] = await tx
    .insert(orderEvents)
    .values({
      orderId: order.id,
      districtId: order.districtId,
      streetId: order.streetId,
      communityId: order.communityId,
      kind: event.kind,
      actorId: event.actor?.id ?? null,
      actorName: event.actor?.name ?? null,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      text: event.text ?? '',
      internal: event.internal ?? false,
      details: event.details ?? {},
      ...(event.at ? { at: event.at } : {}),
    })
    .returning({ id: orderEvents.id });
  await tx.execute(sql`SELECT pg_notify(${ORDER_EVENTS_CHANNEL}, ${order.id})`);
  return row!.id;
}

export type OrderEventRow = typeof orderEvents.$inferSelect;

/** An order's timeline, oldest first; residents never get internal entries. */
export async function loadOrderEvents(db: Tx | Db, orderId: string, includeInternal: boolean): Promise<OrderEventRow[]> {
  return db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), includeInternal ? undefined : eq(orderEvents.internal, false)))
    .orderBy(asc(orderEvents.id));
}

export async function findOrderEvent(db: Tx | Db, id: number): Promise<OrderEventRow | undefined> {
  const [row] = await db.select().from(orderEvents).where(eq(orderEvents.id, id));
  return row;
}
