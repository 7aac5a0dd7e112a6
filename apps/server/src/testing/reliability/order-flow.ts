import type { CreateOrderInput, OrderMoveInput } from '@linli/contracts';
import type pg from 'pg';
import type { CheckWorld } from './world.js';

/** A new order's body, by the desk (phone intake for a building) or by a resident in the portal. */
export function orderBody(world: CheckWorld, channel: 'desk' | 'portal', description: string, n: number): CreateOrderInput {
  const intake: CreateOrderInput['intake'] =
    channel === 'portal'
      ? { channel: 'portal' }
      : {
          channel: 'desk',
          via: 'phone',
          contactName: '王阿姨',
          contactPhone: '13800001234',
          buildingId: world.buildingIds[n % world.buildingIds.length]!,
          address: `${(n % 6) + 1}单元`,
        };
  return { serviceId: world.serviceId, description, fields: {}, attachmentIds: [], intake };
}

/** The moves of an order from placed to closed, with who makes each: desk, handler, handler, handler, closer. */
export const LIFECYCLE: readonly { by: 'desks' | 'handlers' | 'closers'; move: (world: CheckWorld) => OrderMoveInput }[] = [
  { by: 'desks', move: (w) => ({ event: 'dispatch', handlerOrgId: w.handlerOrgId }) },
  { by: 'handlers', move: () => ({ event: 'accept' }) },
  { by: 'handlers', move: () => ({ event: 'start' }) },
  { by: 'handlers', move: () => ({ event: 'handle', note: '已处理完毕', attachmentIds: [] }) },
  { by: 'closers', move: () => ({ event: 'close', outcome: 'resolved' }) },
];

export type StoredOrder = { id: string; description: string; events: number; audits: number };

/** The orders whose description starts with `prefix`, with their timeline and audit row counts. */
export async function storedOrders(pool: pg.Pool, prefix: string): Promise<StoredOrder[]> {
  const { rows } = await pool.query<StoredOrder>(
    `SELECT o.id, o.description,
            (SELECT count(*)::int FROM order_events e WHERE e.order_id = o.id) AS events,
            (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = o.id::text) AS audits
       FROM orders o WHERE starts_with(o.description, $1)`,
    [prefix],
  );
  return rows;
}
