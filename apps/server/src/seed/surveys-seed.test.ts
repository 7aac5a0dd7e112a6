import { SurveyDto, SurveyList, SurveyRanking } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, signIn, testPii, useTestApp } from '../testing/index.js';
import { periodOf, shiftPeriod } from '../modules/surveys/period.js';
import { seedDemo } from './index.js';
import { DEMO_SURVEYS } from './surveys.js';

// statuses follow the real clock, so the demo is seeded as of now; its periods are the last five quarters
const NOW = new Date();
const PERIODS = [-4, -3, -2, -1, 0].map((n) => shiftPeriod(periodOf(NOW), n));
const ctx = useTestApp();
let staff: Agent;
let street: Agent;

beforeAll(async () => {
  await seedDemo({ db: ctx.t.db, pii: testPii, password: TEST_PASSWORD, log: () => {}, now: NOW });
  staff = await signIn(ctx.app, 'lvyang-staff', TEST_PASSWORD);
  street = await signIn(ctx.app, 'street', TEST_PASSWORD);
}, 180_000);

/** The survey part recomputed in SQL from the stored ratings: (mean − 1) / 4 × 100, one decimal. */
async function surveyScoreInSql(surveyId: string): Promise<number> {
  const { rows } = await ctx.t.pool.query<{ s: string }>(
    `SELECT round((avg(r.value::int) - 1) / 4 * 100, 1) AS s FROM survey_answers a, jsonb_each_text(a.ratings) r WHERE a.survey_id = $1`,
    [surveyId],
  );
  return Number(rows[0]!.s);
}

describe('demo property surveys, read through the API', () => {
  it("Green Yangyuan's two compounds: four closed quarters and the current one open, with the planned answers", async () => {
    const list = SurveyList.parse((await staff.get('/api/surveys?pageSize=100')).json());
    expect(list.total).toBe(10);
    for (const [name, plan] of Object.entries(DEMO_SURVEYS)) {
      const mine = list.items.filter((s) => s.compoundName === name).sort((a, b) => a.period.localeCompare(b.period));
      expect(mine.map((s) => s.period)).toEqual(PERIODS);
      expect(mine.map((s) => s.status)).toEqual(['closed', 'closed', 'closed', 'closed', 'open']);
      expect(mine.map((s) => s.score?.answers)).toEqual(plan.answers);
    }
    expect(list.items.every((s) => s.orgName === (s.compoundName === '绿扬新苑东区' ? '绿扬物业' : '扬帆物业'))).toBe(true);
  });

  it('street_supervisor: ranks the compounds per quarter; each score is the weighted survey and orders parts', async () => {
    const ranking = SurveyRanking.parse((await street.get(`/api/surveys/ranking?period=${PERIODS[3]}`)).json());
    expect(ranking.periods).toEqual(PERIODS);
    expect(ranking.rows).toHaveLength(2);
    expect(ranking.rows.map((r) => r.rank)).toEqual([1, 2]);
    for (const r of ranking.rows) {
      expect(r.surveyScore).toBe(await surveyScoreInSql(r.surveyId));
      expect(r.satisfactionRate).not.toBeNull();
      expect(r.combined).toBeCloseTo(0.7 * r.surveyScore! + 0.3 * r.satisfactionRate! * 100, 1);
    }
    const west = ranking.trend.find((t) => t.compoundName === '绿扬新苑西区')!;
    expect(west.points.map((p) => p.period)).toEqual(PERIODS);
    // 西区's company starts poorly and improves, as the seed plans
    expect(west.points[3]!.surveyScore! - west.points[0]!.surveyScore!).toBeGreaterThan(10);
    const first = SurveyRanking.parse((await street.get(`/api/surveys/ranking?period=${PERIODS[0]}`)).json());
    expect(first.rows[0]!.compoundName).toBe('绿扬新苑东区');
  });

  it('resident: sees the surveys of their compound, answers the open one, and a second answer is refused', async () => {
    const resident = await signIn(ctx.app, 'resident', TEST_PASSWORD);
    const list = SurveyList.parse((await resident.get('/api/surveys')).json());
    expect(list.total).toBe(5);
    const open = list.items.find((s) => s.status === 'open')!;
    expect(open).toMatchObject({ score: null, myAnswer: null, abilities: { answer: true } });
    const ratings = { cleaning: 4, security: 4, greening: 5, repairs: 3, attitude: 4 };
    const res = await resident.post(`/api/surveys/${open.id}/answers`, { ratings });
    expect(SurveyDto.parse(res.json()).myAnswer?.channel).toBe('online');
    expect((await resident.post(`/api/surveys/${open.id}/answers`, { ratings })).statusCode).toBe(409);
  });

  it("community_staff: Anping's staff see none of them (404)", async () => {
    const anping = await signIn(ctx.app, 'anping-staff', TEST_PASSWORD);
    const any = SurveyList.parse((await staff.get('/api/surveys')).json()).items[0]!;
    expect(SurveyList.parse((await anping.get('/api/surveys')).json()).total).toBe(0);
    expect((await anping.get(`/api/surveys/${any.id}`)).statusCode).toBe(404);
  });
});
