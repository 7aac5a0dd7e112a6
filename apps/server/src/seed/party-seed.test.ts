import { CoverageDto, PartyFiguresDto, PartyTreeDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, signIn, testPii, useTestApp } from '../testing/index.js';
import { seedDemo } from './index.js';

const NOW = new Date(Date.UTC(2025, 5, 1));
const ctx = useTestApp();
let street: Agent;
const community = async (name: string) =>
  (await ctx.t.pool.query<{ id: string }>(`SELECT id FROM area_nodes WHERE name = $1`, [name])).rows[0]!.id;
const figures = async (name: string) => {
  const res = await street.get(`/api/party/figures?communityId=${await community(name)}&asOf=2025-06-01`);
  expect(res.statusCode, res.body).toBe(200);
  return PartyFiguresDto.parse(res.json());
};

beforeAll(async () => {
  await seedDemo({ db: ctx.t.db, pii: testPii, password: TEST_PASSWORD, log: () => {}, now: NOW });
  street = await signIn(ctx.app, 'street', TEST_PASSWORD);
}, 180_000);

describe('demo party figures, read through the API', () => {
  it("Anping: 195 registered members in its committee's 5 branches", async () => {
    const f = await figures('安平社区');
    expect(f.totals.members).toBe(195);
    expect(f.byBranch).toHaveLength(5);
    expect(f.byBranch.reduce((s, b) => s + b.count, 0)).toBe(195);
    expect(f.totals.reporting).toBeGreaterThan(0);
    expect(f.byEducation.reduce((s, e) => s + e.count, 0)).toBe(195);
  });

  it("Green Yangyuan: 46 members under 46, 27 with a bachelor's degree, 3 postgraduates", async () => {
    const f = await figures('绿扬新苑社区');
    expect(f.totals).toMatchObject({ under46: 46, bachelor: 27, postgraduate: 3 });
    expect(f.byAgeBand.filter((b) => b.key === 'to35' || b.key === '36to45').reduce((s, b) => s + b.count, 0)).toBe(46);
    expect(f.byBranch).toHaveLength(16);
    expect(f.coverage).toEqual({ grids: 16, gridsCovered: 13, buildings: 134, buildingsCovered: 134 });
  });

  it('Green Yangyuan: four levels, general branch → grid branch → party group → a red post on every building', async () => {
    const tree = PartyTreeDto.parse((await street.get(`/api/party/tree?communityId=${await community('绿扬新苑社区')}`)).json());
    const kinds = (k: string) => tree.items.filter((o) => o.kind === k);
    expect(kinds('general_branch')).toHaveLength(1);
    expect(kinds('branch')).toHaveLength(16);
    expect(kinds('group').length).toBeGreaterThanOrEqual(16);
    expect(kinds('red_post')).toHaveLength(134);
    const byId = new Map(tree.items.map((o) => [o.id, o]));
    for (const red of kinds('red_post')) expect(byId.get(byId.get(red.parentId!)!.parentId!)!.kind).toBe('branch');
    expect(tree.items[0]!.figures.postsHeld).toBeGreaterThan(134);
    expect(kinds('branch').every((b) => b.secretary !== null)).toBe(true);
  });

  it('posts are held with duty logs, and the uncovered areas show', async () => {
    const cov = CoverageDto.parse((await street.get(`/api/posts/coverage?communityId=${await community('安平社区')}`)).json());
    expect(cov.buildings.some((b) => !b.covered)).toBe(true);
    expect(cov.grids.filter((g) => !g.covered).length).toBeGreaterThan(0);
    const logs = (await ctx.t.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM duty_logs`)).rows[0]!.n;
    expect(logs).toBeGreaterThan(300);
  });
});
