import { ActivityFiguresDto, LedgerDto, TeamListDto, VolunteerListDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, signIn, testPii, useTestApp } from '../testing/index.js';
import { seedDemo } from './index.js';

const NOW = new Date(Date.UTC(2025, 5, 1));
const ctx = useTestApp();
let street: Agent;
const community = async (name: string) =>
  (await ctx.t.pool.query<{ id: string }>(`SELECT id FROM area_nodes WHERE name = $1`, [name])).rows[0]!.id;

beforeAll(async () => {
  await seedDemo({ db: ctx.t.db, pii: testPii, password: TEST_PASSWORD, log: () => {}, now: NOW });
  street = await signIn(ctx.app, 'street', TEST_PASSWORD);
}, 180_000);

describe('demo volunteering, read through the API', () => {
  it('Anping: over the 365 days up to the seeding day, 193 public-service volunteer activities serving 1,330 people and 27 literary and artistic ones', async () => {
    const res = await street.get(`/api/activities/figures?to=2025-06-01&communityId=${await community('安平社区')}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = ActivityFiguresDto.parse(res.json());
    expect([f.year, f.from, f.to]).toEqual([null, '2024-06-02', '2025-06-01']);
    expect(f.byKind.find((k) => k.key === 'volunteer_service')).toMatchObject({ activities: 193, peopleServed: 1330 });
    expect(f.byKind.find((k) => k.key === 'cultural')).toMatchObject({ activities: 27 });
    expect(f.totals.activities).toBe(220);
    // 2024-06 … 2025-06: every month has activities but the seeding day's own, which has none yet
    expect(f.byMonth.map((m) => m.key)).toHaveLength(13);
    expect(f.byMonth.slice(0, 12).every((m) => m.activities > 0)).toBe(true);
    expect(f.byMonth[12]).toMatchObject({ key: '2025-06', activities: 0 });
    expect(f.byTeam.find((t) => t.name === '安平社区党员志愿服务队')).toMatchObject({ activities: 193, hours: 193 * 3 * 2 });
  });

  it('every held activity of both communities lies inside those 365 days and ended before the seeding moment', async () => {
    const { rows } = await ctx.t.pool.query<{ n: number; outside: number }>(
      `SELECT count(*)::int AS n,
         count(*) FILTER (WHERE starts_at < '2024-06-02T00:00:00+08:00' OR ends_at > $1)::int AS outside
       FROM activities WHERE status = 'held'`,
      [NOW.toISOString()],
    );
    expect(rows[0]).toEqual({ n: 193 + 27 + 48 + 14 + 12 + 8, outside: 0 });
  });

  it('street: can still read a calendar year, and not a year with dates', async () => {
    const id = await community('安平社区');
    const f = ActivityFiguresDto.parse((await street.get(`/api/activities/figures?year=2024&communityId=${id}`)).json());
    expect([f.year, f.from, f.to, f.byMonth[0]?.key]).toEqual([2024, '2024-01-01', '2024-12-31', '2024-01']);
    expect(f.totals.activities).toBeGreaterThan(0);
    expect(f.totals.activities).toBeLessThan(220);
    expect((await street.get(`/api/activities/figures?year=2024&from=2024-01-01&communityId=${id}`)).statusCode).toBe(400);
  });

  it('Green Yangyuan: the Red Butler group has 50+ party volunteers, led, with hours', async () => {
    const teams = TeamListDto.parse((await street.get(`/api/volunteer-teams?communityId=${await community('绿扬新苑社区')}`)).json());
    const red = teams.items.find((t) => t.kind === 'red_butler')!;
    expect(red.name).toBe('红管家志愿服务队');
    expect(red.members).toBeGreaterThanOrEqual(50);
    expect(red.leaderName).toBeTruthy();
    expect(red.hours).toBeGreaterThan(0);
  });

  it('volunteers carry hours and every star level is reached; the demo volunteer sees their own ledger', async () => {
    const list = VolunteerListDto.parse((await street.get('/api/volunteers?pageSize=40')).json());
    const stars = new Set(list.items.map((v) => v.stars));
    for (const s of [1, 2, 3, 4, 5]) expect(stars).toContain(s);
    expect(list.total).toBeGreaterThan(200);
    const me = await signIn(ctx.app, 'volunteer', TEST_PASSWORD);
    const ledger = LedgerDto.parse((await me.get('/api/volunteers/me/ledger')).json());
    expect(ledger.volunteer.teamName).toBe('红管家志愿服务队');
    expect(ledger.stars).toBe(5);
  });
});
