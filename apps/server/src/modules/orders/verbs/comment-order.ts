import type { CommentInput, TimelineEntry } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { attachmentsByEvent } from '../../attachments/by-event.js';
import { claimAttachments } from '../../attachments/claim.js';
import { canComment, canCommentInternal, canReadOrder } from '../policy.js';
import { presentTimelineEntry } from '../presenter.js';
import { findOrder } from '../repo.js';
import { appendOrderEvent, findOrderEvent } from '../repo-events.js';

export type CommentOrderInput = CommentInput & { orderId: string };

/** POST /api/orders/:id/comments: a comment on the timeline (internal ones only by staff and handlers), with its photos; audited. */
export async function commentOrder({ ctx, input }: VerbArgs<CommentOrderInput>): Promise<TimelineEntry> {
  return inTx(ctx, async (tctx) => {
    const { tx, actor } = tctx;
    const order = authorize(await findOrder(tx, input.orderId), {
      see: (o) => canReadOrder(actor, o),
      act: (o) => canComment(actor, o) && (!input.internal || canCommentInternal(actor, o)),
      entity: 'order',
    });
    const eventId = await appendOrderEvent(tx, order, {
      kind: 'comment',
      actor: { id: actor.userId, name: actor.displayName },
      text: input.text,
      internal: input.internal,
    });
    await claimAttachments(tx, { ids: input.attachmentIds, ownerId: actor.userId, orderId: order.id, eventId }, tctx.locale);
    await writeAudit(tctx, {
      action: 'order.comment',
      entityType: 'order',
      entityId: order.id,
      streetId: order.streetId,
      communityId: order.communityId,
      details: { eventId, internal: input.internal, attachments: input.attachmentIds.length },
    });
    const row = await findOrderEvent(tx, eventId);
    const files = await attachmentsByEvent(tx, order.id, { includeInternal: true });
    return presentTimelineEntry(row!, files.get(eventId) ?? []);
  });
}
