import { HouseholdProgrammesDto, ProgrammeListDto, SocialOrgListDto, UnservedDto, WorkReportDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, signIn, testPii, useTestApp } from '../testing/index.js';
import { seedDemo } from './index.js';
import { DEMO_SOCIAL_WORKERS, LVYANG_BENEFICIARIES, LVYANG_PROGRAMMES } from './programmes.js';

const NOW = new Date(Date.UTC(2025, 5, 1));
const ctx = useTestApp();
let staff: Agent;
let grid: Agent;

beforeAll(async () => {
  await seedDemo({ db: ctx.t.db, pii: testPii, password: TEST_PASSWORD, log: () => {}, now: NOW });
  staff = await signIn(ctx.app, 'lvyang-staff', TEST_PASSWORD);
  grid = await signIn(ctx.app, 'lvyang-grid', TEST_PASSWORD);
}, 180_000);

describe('demo care programmes of Green Yangyuan, read through the API', () => {
  it('lvyang-staff: sees the elderly services and the small dining table with their enrolments, sessions and attendance', async () => {
    const list = ProgrammeListDto.parse((await staff.get('/api/programmes')).json());
    expect(list.items.map((p) => [p.name, p.enrolled, p.sessions]).sort()).toEqual(
      LVYANG_PROGRAMMES.map((p) => [p.name, p.enrolled, p.sessions]).sort(),
    );
    expect(list.items.find((p) => p.kind === 'small_dining_table')!.provider!.name).toBe('向阳花青少年服务社');
    const { rows } = await ctx.t.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM programme_attendance');
    expect(list.items.reduce((s, p) => s + p.attendances, 0)).toBe(rows[0]!.n);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it(`lvyang-staff: reads ${LVYANG_BENEFICIARIES} programme beneficiaries in the year's work report`, async () => {
    const res = await staff.get('/api/reports/work?area=321003001002&to=2025-06-01');
    expect(res.statusCode, res.body).toBe(200);
    const figure = WorkReportDto.parse(res.json()).figures.programmeBeneficiaries!;
    expect(figure.value).toBe(LVYANG_BENEFICIARIES);
    expect(figure.by!.find((b) => b.key === 'small_dining_table')!.value).toBe(30);
  });

  it("lvyang-grid: sees a household's programmes on its card and who in the grid is eligible but not served", async () => {
    const { rows } = await ctx.t.pool.query<{ household_id: string; programme_id: string; resident_id: string; grid_id: string }>(
      `SELECT e.household_id, e.programme_id, e.resident_id, e.grid_id FROM programme_enrolments e JOIN programmes p ON p.id = e.programme_id
       JOIN role_assignments r ON r.area_id = e.grid_id JOIN users u ON u.id = r.user_id
       WHERE u.username = 'lvyang-grid' ORDER BY p.kind LIMIT 1`,
    );
    const card = HouseholdProgrammesDto.parse((await grid.get(`/api/households/${rows[0]!.household_id}/programmes`)).json());
    expect(card.items.map((i) => i.programmeId)).toContain(rows[0]!.programme_id);
    const unserved = UnservedDto.parse((await grid.get(`/api/programmes/${rows[0]!.programme_id}/unserved?limit=500`)).json());
    expect(unserved.total).toBeGreaterThan(0);
    expect(unserved.items.every((i) => i.gridId === rows[0]!.grid_id)).toBe(true);
    expect(unserved.items.map((i) => i.residentId)).not.toContain(rows[0]!.resident_id);
  });

  it('lvyang-staff: sees the social organisations with their qualified social workers and the programmes they run', async () => {
    const orgs = SocialOrgListDto.parse((await staff.get('/api/social-orgs')).json()).items;
    expect(orgs.flatMap((o) => o.workers.map((w) => w.name)).sort()).toEqual(DEMO_SOCIAL_WORKERS.map((w) => w.name).sort());
    expect(orgs.find((o) => o.name === '乐龄社会工作服务中心')!.programmes).toHaveLength(5);
    expect(orgs.find((o) => o.name === '向阳花青少年服务社')!.programmes).toHaveLength(2);
  });
});
