import { OrderCounts, OrderDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/index.js';
import { type ReadWorld, hoursFromNow, listOrders, orderIdsOf, orderIn, readWorld } from './read-test-kit.js';

const h = useTestApp();

const list = listOrders;
const idsOf = orderIdsOf;

describe('the closing queue (结案)', () => {
  let w: ReadWorld;
  const o: Record<string, string> = {};
  beforeAll(async () => {
    w = await readWorld(h);
    const add = async (name: string, over: Parameters<typeof orderIn>[2], tree = w.A) => {
      o[name] = (await orderIn(h, w, { handlerOrgId: w.org.id, ...over }, tree)).id;
    };
    await add('rated', { status: 'confirmed', rating: 'satisfied', stageDueAt: hoursFromNow(48) });
    await add('confirmedSoon', { status: 'confirmed', stageDueAt: hoursFromNow(2) });
    await add('unconfirmedLate', { status: 'handled', stageDueAt: hoursFromNow(-5) });
    await add('handledWaiting', { status: 'handled', stageDueAt: hoursFromNow(20) });
    await add('working', { status: 'in_progress', stageDueAt: hoursFromNow(3) });
    await add('closed', { status: 'closed', stageDueAt: null, outcome: 'resolved' });
    await add('confirmedB', { status: 'confirmed', stageDueAt: hoursFromNow(10) }, w.B);
  });

  it('street_supervisor: can see the confirmed orders and those handled past the confirm deadline, soonest deadline first', async () => {
    expect(await idsOf(w.street, 'view=closing')).toEqual([o.unconfirmedLate, o.confirmedSoon, o.confirmedB, o.rated]);
  });

  it('street_supervisor: each queued order offers close, with the outcomes of its status', async () => {
    const items = (await list(w.street, 'view=closing'))!.items;
    for (const item of items) expect(item.abilities.events, item.id).toContain('close');
  });

  it('street_supervisor: an area outside the street answers 404; narrowing to a community keeps its own', async () => {
    expect(await idsOf(w.street, `view=closing&areaId=${w.B.community.id}`)).toEqual([o.confirmedB]);
    await list(w.street, 'view=closing&areaId=00000000-0000-4000-8000-000000000000', 404);
  });

  it("community_admin: sees their community's queue only where the community closes its own orders, else 200 and empty", async () => {
    expect(await idsOf(w.admin, 'view=closing')).toEqual([]);
    const res = await w.street.put(`/api/communities/${w.A.community.id}/order-settings`, { communityMayClose: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(await idsOf(w.admin, 'view=closing')).toEqual([o.unconfirmedLate, o.confirmedSoon, o.rated]);
    await w.street.put(`/api/communities/${w.A.community.id}/order-settings`, { communityMayClose: false });
  });

  it('community_staff, grid_worker, handler_staff: cannot open the closing queue (403)', async () => {
    await list(w.desk, 'view=closing', 403);
    await list(w.grid, 'view=closing', 403);
    await list(w.handler, 'view=closing', 403);
  });

  it("community_staff: the desk's 待结案 tab holds every confirmed order, rated or not, and its count agrees", async () => {
    const ids = await idsOf(w.desk, 'view=desk&status=confirmed');
    expect(ids.sort()).toEqual([o.rated, o.confirmedSoon].sort());
    const counts = OrderCounts.parse((await w.desk.get('/api/orders/counts?view=desk')).json());
    expect(counts.byStatus.confirmed).toBe(2);
  });

  it('street_supervisor: closing from the queue with an outcome takes the order out of it', async () => {
    const before = OrderDto.parse((await w.street.get(`/api/orders/${o.rated}`)).json());
    const res = await w.street.post(`/api/orders/${o.rated}/events`, { event: 'close', outcome: 'resolved', version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(await idsOf(w.street, 'view=closing')).not.toContain(o.rated);
    const bad = await w.street.post(`/api/orders/${o.confirmedSoon}/events`, { event: 'close', outcome: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('outcome');
  });
});
