import type { CommentInput, TimelineEntry } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { orderEvents } from '../../db/schema/index.js';
import { attachmentsByEvent } from '../attachments/by-event.js';
import { claimAttachments } from '../attachments/claim.js';
import { appendOrderEvent } from './events.js';
import { canComment, canCommentInternal } from './policy.js';
import { loadReadableOrder } from './read-service.js';
import { presentTimelineEntry } from './timeline.js';

/** Adds a comment to an order's timeline (internal ones only by staff and handlers), with its photos; audited. */
export async function commentOrder({ ctx, input }: { ctx: AuthedCtx; input: CommentInput & { orderId: string } }): Promise<TimelineEntry> {
  return ctx.db.transaction(async (tx) => {
    const order = await loadReadableOrder(ctx, input.orderId, tx);
    if (!canComment(ctx.actor, order) || (input.internal && !canCommentInternal(ctx.actor, order))) throw forbidden();
    const eventId = await appendOrderEvent(tx, order, {
      kind: 'comment',
      actor: { id: ctx.actor.userId, name: ctx.actor.displayName },
      text: input.text,
      internal: input.internal,
    });
    await claimAttachments(tx, { ids: input.attachmentIds, ownerId: ctx.actor.userId, orderId: order.id, eventId }, ctx.locale);
    await writeAudit(tx, ctx, {
      action: 'order.comment',
      entityType: 'order',
      entityId: order.id,
      streetId: order.streetId,
      communityId: order.communityId,
      details: { eventId, internal: input.internal, attachments: input.attachmentIds.length },
    });
    const [row] = await tx.select().from(orderEvents).where(eq(orderEvents.id, eventId));
    const files = await attachmentsByEvent(tx, order.id, { includeInternal: true });
    return presentTimelineEntry(row!, files.get(eventId) ?? []);
  });
}
