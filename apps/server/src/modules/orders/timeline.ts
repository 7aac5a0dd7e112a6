import { type AttachmentDto, type TimelineDto, type TimelineEntry, TimelineKind } from '@linli/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { AuthedCtx } from '../../core/context.js';
import type { Db, Tx } from '../../db/pool.js';
import { orderEvents } from '../../db/schema/index.js';
import { attachmentsByEvent } from '../attachments/by-event.js';
import { canSeeInternal } from './policy.js';
import { loadReadableOrder } from './read-service.js';

export type OrderEventRow = typeof orderEvents.$inferSelect;

/** One timeline row on the wire; kinds written by older code that the contract no longer knows read as comments. */
export function presentTimelineEntry(e: OrderEventRow, attachments: AttachmentDto[]): TimelineEntry {
  const kind = TimelineKind.safeParse(e.kind);
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    kind: kind.success ? kind.data : 'comment',
    actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    text: e.text,
    internal: e.internal,
    details: e.details,
    attachments,
  };
}

async function loadEvents(db: Db | Tx, orderId: string, includeInternal: boolean): Promise<OrderEventRow[]> {
  return db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), includeInternal ? undefined : eq(orderEvents.internal, false)))
    .orderBy(asc(orderEvents.id));
}

/** Every event of an order, oldest first, with its photos; residents never see internal entries. */
export async function getOrderTimeline({ ctx, input }: { ctx: AuthedCtx; input: { id: string } }): Promise<TimelineDto> {
  const order = await loadReadableOrder(ctx, input.id);
  const includeInternal = canSeeInternal(ctx.actor, order);
  const [events, files] = await Promise.all([
    loadEvents(ctx.db, order.id, includeInternal),
    attachmentsByEvent(ctx.db, order.id, { includeInternal }),
  ]);
  return { items: events.map((e) => presentTimelineEntry(e, files.get(e.id) ?? [])) };
}
