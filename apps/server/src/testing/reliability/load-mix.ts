import { type Answer, type Session, idOf } from './http-client.js';
import { LIFECYCLE, orderBody } from './order-flow.js';
import type { CheckWorld } from './world.js';

/** One client's signed-in users: it browses and orders as them and moves its orders with them. */
export type ClientSessions = { desks: Session; handlers: Session; closers: Session; residents: Session };

/** Records one answer under its kind; a kind's answers must all be 2xx. */
export type Record = (kind: string, a: Answer) => void;

/** The kinds of request the load sends, in the order the report prints them. */
export const LOAD_KINDS = [
  'list orders (desk queue)',
  'order detail + timeline',
  'households list',
  'residents list',
  'map of the community',
  'figures by service',
  'work report',
  'portal home',
  'place order (portal)',
  'place order (desk)',
  'dispatch',
  'accept',
  'start',
  'handle',
  'close',
] as const;

/**
 * Step `i` of client `c`: mostly browsing (lists, details, map, figures, reports), one order in five placed (portal
 * or desk), and every desk order moved through dispatch → accept → start → handle → close.
 */
export async function loadStep(world: CheckWorld, s: ClientSessions, c: number, i: number, record: Record, tag: string): Promise<void> {
  const community = world.communityId;
  const page = (i % 3) + 1;
  const anyOrder = world.orderIds[(c * 7 + i) % world.orderIds.length]!;
  switch (i % 10) {
    case 0:
      return record(LOAD_KINDS[0], await s.desks.get(`/api/orders?view=desk&page=${page}&pageSize=20`));
    case 1: {
      const [detail, timeline] = await Promise.all([
        s.desks.get(`/api/orders/${anyOrder}`),
        s.desks.get(`/api/orders/${anyOrder}/timeline`),
      ]);
      record(LOAD_KINDS[1], detail.status === 200 ? { ...timeline, ms: Math.max(detail.ms, timeline.ms) } : detail);
      return;
    }
    case 2:
      return record(LOAD_KINDS[2], await s.desks.get(`/api/households?areaId=${community}&page=${page}&pageSize=20`));
    case 3:
      return record(LOAD_KINDS[3], await s.desks.get(`/api/residents?areaId=${community}&page=${page}&pageSize=20`));
    case 4:
      return record(LOAD_KINDS[4], await s.desks.get(`/api/map/areas/${community}`));
    case 5:
      return record(LOAD_KINDS[5], await s.desks.get(`/api/figures?groupBy=service&areaId=${community}`));
    case 6:
      return record(LOAD_KINDS[6], await s.desks.get(`/api/reports/work?area=${world.communityCode}`));
    case 7:
      return record(LOAD_KINDS[7], await s.residents.get('/api/portal/home'));
    case 8:
      return record(LOAD_KINDS[8], await s.residents.post('/api/orders', orderBody(world, 'portal', `${tag} portal c${c} n${i}`, i)));
    default: {
      const placed = await s.desks.post('/api/orders', orderBody(world, 'desk', `${tag} desk c${c} n${i}`, i));
      record(LOAD_KINDS[9], placed);
      const id = idOf(placed);
      for (const [k, step] of LIFECYCLE.entries()) {
        if (!id) return;
        const moved = await s[step.by].post(`/api/orders/${id}/events`, step.move(world));
        record(LOAD_KINDS[10 + k]!, moved);
        if (moved.status !== 200) return;
      }
    }
  }
}
