import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/pool.js';

/**
 * Queues one delivery per active webhook whose area holds the order and which subscribes to the event's kind.
 * Internal entries (reminders, internal comments) are never sent; the resident id of a merged order is left out.
 */
export async function queueWebhookDeliveries(tx: Tx, eventIds: number[], now: Date): Promise<number> {
  if (eventIds.length === 0) return 0;
  const r = await tx.execute(sql`
    INSERT INTO webhook_deliveries (webhook_id, event_id, payload, next_attempt_at, created_at)
    SELECT w.id, e.id,
      jsonb_build_object(
        'id', e.id::text,
        'type', 'order.' || e.kind,
        'createdAt', e.at,
        'order', jsonb_build_object('id', o.id, 'orderNo', o.order_no, 'status', o.status, 'serviceCode', s.code,
                                    'communityId', o.community_id),
        'event', jsonb_build_object('id', e.id::text, 'kind', e.kind, 'at', e.at, 'fromStatus', e.from_status,
                                    'toStatus', e.to_status, 'text', e.text, 'details', e.details - 'residentId')),
      ${now}::timestamptz, ${now}::timestamptz
    FROM order_events e
    JOIN orders o ON o.id = e.order_id
    JOIN services s ON s.id = o.service_id
    JOIN webhooks w ON w.active AND e.kind = ANY(w.events) AND w.district_id = e.district_id
      AND (w.street_id IS NULL OR w.street_id = e.street_id)
    WHERE e.id = ANY(${sql.param(eventIds)}::bigint[]) AND NOT e.internal
    ON CONFLICT (webhook_id, event_id) DO NOTHING`);
  return r.rowCount ?? 0;
}
