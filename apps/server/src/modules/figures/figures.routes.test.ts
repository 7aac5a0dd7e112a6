import { ErrorBody, FiguresDto } from '@linli/contracts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, buildOrderRow, buildUser, signIn, useTestApp } from '../../testing/index.js';
import { PERIOD, buildFigureOrders } from './test-data.js';

const h = useTestApp();
let data: Awaited<ReturnType<typeof buildFigureOrders>>;

async function agent(role: Parameters<typeof buildUser>[1], areaId: string) {
  const u = await buildUser(h.t.db, role, { areaId });
  return signIn(h.app, u.username, TEST_PASSWORD);
}
const query = (q: Record<string, string>) => new URLSearchParams({ ...PERIOD, ...q }).toString();

beforeAll(async () => {
  data = await buildFigureOrders(h.t.db);
});

describe('GET /api/figures', () => {
  it('evaluator: can read the figures of their community', async () => {
    const a = await agent('evaluator', data.one.community.id);
    const res = await a.get(`/api/figures?${query({ groupBy: 'service' })}`);
    expect(res.statusCode).toBe(200);
    const f = FiguresDto.parse(res.json());
    expect(f.totals.counts.placed).toBe(7);
    expect(f.totals.rates.responseRate).toBe(0.75);
  });

  it('defaults to the last 12 months', async () => {
    const a = await agent('community_admin', data.two.community.id);
    await buildOrderRow(h.t.db, data.water, data.two.building, { placedAt: new Date(Date.now() - 3 * 86_400_000) });
    await buildOrderRow(h.t.db, data.water, data.two.building, { placedAt: new Date(Date.now() - 400 * 86_400_000) });
    const f = FiguresDto.parse((await a.get('/api/figures')).json());
    expect(f.groupBy).toBe('service');
    expect(f.months).toHaveLength(12);
    expect(f.totals.counts.placed).toBe(1);
  });

  it('community_staff: cannot read another community (404)', async () => {
    const a = await agent('community_staff', data.two.community.id);
    const res = await a.get(`/api/figures?${query({ areaId: data.one.community.id })}`);
    expect(res.statusCode).toBe(404);
  });

  it('building_leader: cannot read figures (403)', async () => {
    const a = await agent('building_leader', data.one.building.id);
    expect((await a.get(`/api/figures?${query({})}`)).statusCode).toBe(403);
  });

  it('refuses an unknown grouping with 400 on groupBy', async () => {
    const a = await agent('community_admin', data.one.community.id);
    const res = await a.get(`/api/figures?${query({ groupBy: 'planet' })}`);
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.details?.issues?.[0]?.path).toBe('querystring.groupBy');
  });
});

describe('GET /api/figures/export.xlsx', () => {
  it('community_admin: can export the figures, which parse back with their numbers and no live formulas', async () => {
    const a = await agent('community_admin', data.one.community.id);
    const res = await a.request({ method: 'GET', url: `/api/figures/export.xlsx?${query({})}`, headers: { 'x-linli-locale': 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('figures-20250101-20250331.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [groups, months] = wb.worksheets;
    const header = groups!.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Service', 'Placed', 'Dispatched']);
    const water = groups!.getRow(2).values as unknown[];
    expect(water[1]).toBe(`'${data.water.name}`);
    expect(water.slice(2, 5)).toEqual([6, 3, 2 / 3]);
    const total = groups!.getRow(4).values as unknown[];
    expect(total[1]).toBe('Total');
    expect(total.slice(2, 5)).toEqual([7, 4, 0.75]);
    expect(groups!.getRow(4).getCell(4).numFmt).toBe('0.0%');
    expect(months!.getRow(2).values).toEqual([undefined, '2025-01', 2, 0.5, 0.5, 0.5]);
  });

  it('community_staff: cannot export another community (404)', async () => {
    const a = await agent('community_staff', data.two.community.id);
    expect((await a.get(`/api/figures/export.xlsx?${query({ areaId: data.one.community.id })}`)).statusCode).toBe(404);
  });
});
