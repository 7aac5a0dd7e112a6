import { WorkReportDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/index.js';
import { TEST_PASSWORD, type Agent, buildUser, signIn, testPii, useTestApp } from '../../testing/index.js';

/** The day the demo is seeded (China time 2025-06-01): the report covers the 365 days up to it. */
const NOW = new Date(Date.UTC(2025, 5, 1));
const h = useTestApp();
let street: Agent;

const report = async (code: string, period = 'to=2025-06-01') => {
  const res = await street.get(`/api/reports/work?area=${code}&${period}`);
  expect(res.statusCode).toBe(200);
  return WorkReportDto.parse(res.json());
};

beforeAll(async () => {
  await seedDemo({ db: h.t.db, pii: testPii, password: TEST_PASSWORD, log: () => undefined, now: NOW });
  const { rows } = await h.t.pool.query<{ id: string }>(`SELECT id FROM area_nodes WHERE code = '321003001'`);
  const u = await buildUser(h.t.db, 'street_supervisor', { areaId: rows[0]!.id });
  street = await signIn(h.app, u.username, TEST_PASSWORD);
}, 180_000);

describe('the work report of the demo', () => {
  it('street_supervisor: can read Anping’s year as the seeds report it', async () => {
    const r = await report('321003001001');
    expect([r.from, r.to]).toEqual(['2024-06-02', '2025-06-01']);
    expect(r.figures.residents?.value).toBe(12_669);
    expect(r.figures.partyBranches?.value).toBe(5);
    expect(r.figures.partyMembers?.value).toBe(195);
    const { rows } = await h.t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders o JOIN area_nodes c ON c.id = o.community_id
       WHERE c.code = '321003001001' AND o.placed_at >= '2024-06-02T00:00:00+08:00' AND o.placed_at < '2025-06-02T00:00:00+08:00'`,
    );
    expect(r.figures.orders?.value).toBe(rows[0]!.n);
    const held = await h.t.pool.query<{ kind: string; n: number; served: number }>(
      `SELECT a.kind, count(*)::int AS n, sum(a.people_served)::int AS served FROM activities a JOIN area_nodes c ON c.id = a.community_id
       WHERE c.code = '321003001001' AND a.status = 'held' AND a.starts_at >= '2024-06-02T00:00:00+08:00' AND a.starts_at < '2025-06-02T00:00:00+08:00'
       GROUP BY a.kind`,
    );
    const kind = (k: string) => held.rows.find((x) => x.kind === k);
    const slice = (k: string) => r.figures.activities?.by?.find((s) => s.key === k)?.value;
    expect([slice('publicService'), slice('cultural')]).toEqual([kind('volunteer_service')?.n ?? 0, kind('cultural')?.n ?? 0]);
    expect(r.figures.peopleServed?.value).toBe(kind('volunteer_service')?.served ?? 0);
    // the demo's two representative meetings and one joint meeting of Anping all fall in the year
    expect(r.figures.meetings?.by?.map((b) => b.value)).toEqual([2, 1, 0]);
    const legal = await h.t.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM legal_consultations l JOIN area_nodes c ON c.id = l.community_id
       WHERE c.code = '321003001001' AND l.consulted_on BETWEEN '2024-06-02' AND '2025-06-01'`,
    );
    expect(legal.rows[0]!.n).toBeGreaterThan(0);
    expect(r.figures.legalConsultations?.value).toBe(legal.rows[0]!.n);
    // Anping's two purchased service projects (seed/projects.ts)
    expect(r.figures.projects?.value).toBe(2);
    // the programmes of the demo are Green Yangyuan's: Anping's figure is there, and zero
    expect(r.figures.programmeBeneficiaries?.value).toBe(0);
  });

  it('street_supervisor: the default period up to the seeding day shows Anping’s 193 public-service activities, 1,330 people served and 27 cultural ones', async () => {
    const r = await report('321003001001');
    expect([r.from, r.to]).toEqual(['2024-06-02', '2025-06-01']);
    const slice = (k: string) => r.figures.activities?.by?.find((s) => s.key === k)?.value;
    expect([slice('publicService'), r.figures.peopleServed?.value, slice('cultural')]).toEqual([193, 1330, 27]);
    expect(r.figures.partyBranches?.value).toBe(5);
    expect(r.figures.partyMembers?.value).toBe(195);
  });

  it('street_supervisor: can compare the two communities, Green Yangyuan with a map of each of its 134 buildings', async () => {
    const r = await report('321003001');
    expect(r.children.map((c) => c.area.name)).toEqual(['安平社区', '绿扬新苑社区']);
    const green = r.children[1]!.values;
    expect(green.buildingsMapped).toBe(134);
    expect(r.figures.residents?.value).toBe(12_669 + green.residents!);
    expect(r.months).toHaveLength(13);
  });
});
