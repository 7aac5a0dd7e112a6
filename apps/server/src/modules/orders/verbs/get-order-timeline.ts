import type { TimelineDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { attachmentsByEvent } from '../../attachments/by-event.js';
import { loadReadableOrder } from '../access.js';
import { canSeeInternal } from '../policy.js';
import { presentTimelineEntry } from '../presenter.js';
import { loadOrderEvents } from '../repo-events.js';

/** GET /api/orders/:id/timeline: every event of an order, oldest first, with its photos; residents never see internal entries. */
export async function getOrderTimeline({ ctx, input }: VerbArgs<{ id: string }>): Promise<TimelineDto> {
  const order = await loadReadableOrder(ctx, input.id);
  const includeInternal = canSeeInternal(ctx.actor, order);
  const [events, files] = await Promise.all([
    loadOrderEvents(ctx.db, order.id, includeInternal),
    attachmentsByEvent(ctx.db, order.id, { includeInternal }),
  ]);
  return { items: events.map((e) => presentTimelineEntry(e, files.get(e.id) ?? [])) };
}
