import type { FiguresQuery, Role } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AuthedCtx, systemCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { buildUser, useTestDb } from '../../testing/index.js';
import { testPii } from '../../testing/registry-factories.js';
import { loadActor } from '../auth/repo.js';
import { ratesOf } from './calculator.js';
import { resolvePeriod } from './period.js';
import { getFigures } from './verbs/get-figures.js';
import { PERIOD, buildFigureOrders } from './test-data.js';

const t = useTestDb();
let data: Awaited<ReturnType<typeof buildFigureOrders>>;

async function ctxOf(role: Role, areaId: string): Promise<AuthedCtx> {
  const u = await buildUser(t.db, role, { areaId });
  return { ...systemCtx(t.db, testPii), actor: (await loadActor(t.db, u.id))! };
}
const figures = async (role: Role, areaId: string, q: Partial<FiguresQuery> = {}) =>
  getFigures({ ctx: await ctxOf(role, areaId), input: { groupBy: 'service', ...PERIOD, ...q } });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

beforeAll(async () => {
  data = await buildFigureOrders(t.db);
});

describe('figure rates', () => {
  it('are their definitions over hand-made counts, null with nothing to divide', () => {
    const c = {
      placed: 9,
      dispatched: 8,
      acceptedOnTime: 6,
      closed: 5,
      resolved: 4,
      closedOnTime: 3,
      handled: 7,
      reworked: 1,
      extended: 2,
      rated: 4,
      satisfied: 3,
    };
    expect(ratesOf(c)).toEqual({
      responseRate: 6 / 8,
      resolutionRate: 4 / 5,
      satisfactionRate: 3 / 4,
      onTimeCloseRate: 3 / 5,
      reworkRate: 1 / 7,
      extensionRate: 2 / 8,
    });
    expect(ratesOf({ ...c, dispatched: 0, rated: 0 }).responseRate).toBeNull();
  });

  it('default to the 12 calendar months up to today', () => {
    expect(resolvePeriod({}, '2025-03-14')).toMatchObject({ from: '2024-04-01', to: '2025-03-14' });
    expect(resolvePeriod({}, '2025-03-14').months).toHaveLength(12);
    expect(resolvePeriod(PERIOD).start.toISOString()).toBe('2024-12-31T16:00:00.000Z');
    expect(resolvePeriod(PERIOD).end.toISOString()).toBe('2025-03-31T16:00:00.000Z');
  });
});

describe('getFigures', () => {
  it('community_admin: can read the exact figures of their community for the period', async () => {
    const f = await figures('community_admin', data.one.community.id);
    expect(f.totals.counts).toEqual({
      placed: 7,
      dispatched: 4,
      acceptedOnTime: 3,
      closed: 2,
      resolved: 1,
      closedOnTime: 1,
      handled: 3,
      reworked: 1,
      extended: 1,
      rated: 3,
      satisfied: 2,
    });
    expect(f.totals.rates).toEqual({
      responseRate: 3 / 4,
      resolutionRate: 1 / 2,
      satisfactionRate: 2 / 3,
      onTimeCloseRate: 1 / 2,
      reworkRate: 1 / 3,
      extensionRate: 1 / 4,
    });
    expect(f.totals.averages).toEqual({
      placedToDispatched: 52.5,
      dispatchedToAccepted: 67.5,
      acceptedToHandled: 140,
      placedToClosed: 2160,
    });
  });

  it('groups by service, with names, largest first', async () => {
    const f = await figures('community_admin', data.one.community.id);
    expect(f.rows.map((r) => [r.key, r.name, r.counts.placed])).toEqual([
      [data.water.id, data.water.name, 6],
      [data.meals.id, '助餐', 1],
    ]);
    expect(f.rows[1]!.rates.satisfactionRate).toBe(1);
  });

  it('groups by handler, gathering undispatched orders under one name', async () => {
    const f = await figures('community_admin', data.one.community.id, { groupBy: 'handler' });
    expect(f.rows.map((r) => [r.key, r.name, r.counts.placed])).toEqual([
      [data.handler.id, data.handler.name, 4],
      [null, '未派单', 3],
    ]);
  });

  it('groups by category with its label, and by community across the street', async () => {
    const byCategory = await figures('community_admin', data.one.community.id, { groupBy: 'category' });
    expect(byCategory.rows.map((r) => [r.key, r.name])).toEqual([
      ['property', '物业服务'],
      ['home_service', '居家服务'],
    ]);
    const byCommunity = await figures('street_supervisor', data.one.street.id, { groupBy: 'community' });
    expect(byCommunity.rows.map((r) => [r.key, r.counts.placed])).toEqual([
      [data.one.community.id, 7],
      [data.two.community.id, 1],
    ]);
    expect(byCommunity.totals.counts.placed).toBe(8);
    expect(byCommunity.totals.rates.resolutionRate).toBe(2 / 3);
  });

  it('gives every month of the period, empty ones included', async () => {
    const f = await figures('community_admin', data.one.community.id);
    expect(f.months).toEqual([
      { month: '2025-01', placed: 2, responseRate: 1 / 2, resolutionRate: 1 / 2, satisfactionRate: 1 / 2 },
      { month: '2025-02', placed: 1, responseRate: 1, resolutionRate: null, satisfactionRate: 1 },
      { month: '2025-03', placed: 4, responseRate: 1, resolutionRate: null, satisfactionRate: null },
    ]);
    const quiet = await figures('community_admin', data.one.community.id, { from: '2025-05-01', to: '2025-06-30' });
    expect(quiet.totals.counts.placed).toBe(0);
    expect(quiet.totals.rates.responseRate).toBeNull();
    expect(quiet.months.map((m) => m.placed)).toEqual([0, 0]);
  });

  it('street_supervisor: can narrow to one community', async () => {
    const f = await figures('street_supervisor', data.one.street.id, { areaId: data.two.community.id });
    expect(f.area).toEqual({ id: data.two.community.id, name: data.two.community.name });
    expect(f.totals.counts.placed).toBe(1);
  });

  it('community_admin: picking their street still sees only their community', async () => {
    const f = await figures('community_admin', data.one.community.id, { areaId: data.one.street.id });
    expect(f.totals.counts.placed).toBe(7);
  });

  it('community_admin: cannot read another community (404)', async () => {
    expect((await refusal(figures('community_admin', data.two.community.id, { areaId: data.one.community.id }))).code).toBe('NOT_FOUND');
    expect((await refusal(figures('community_admin', data.two.community.id, { areaId: crypto.randomUUID() }))).code).toBe('NOT_FOUND');
  });

  it('grid_worker: cannot read figures (403)', async () => {
    expect((await refusal(figures('grid_worker', data.one.grid.id))).code).toBe('FORBIDDEN');
  });

  it('refuses a start after the end on `from`', async () => {
    const e = await refusal(figures('community_admin', data.one.community.id, { from: '2025-03-01', to: '2025-02-01' }));
    expect(e.details.issues?.[0]?.path).toBe('from');
  });
});
