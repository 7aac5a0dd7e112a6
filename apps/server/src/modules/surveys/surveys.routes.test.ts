import { SurveyDto, SurveyList } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tree, buildCommunityTree, useTestApp } from '../../testing/index.js';
import { residentHousehold } from '../consultations/test-kit.js';
import { person } from '../mediation/test-kit.js';
import { codeOf, issuesOf, registryKit } from '../registry/test-kit.js';
import { allRated, servedBy, surveyBody } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let staff: Awaited<ReturnType<typeof person>>;
let orgA: Awaited<ReturnType<typeof servedBy>>;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  orgA = await servedBy(ctx, A.compound);
  await servedBy(ctx, B.compound);
  staff = await person(ctx, 'community_staff', A.community.id);
});

let surveyA: SurveyDto;
async function surveyOfA() {
  if (surveyA) return surveyA;
  const res = await staff.post('/api/surveys', surveyBody(A.compound.id));
  expect(res.statusCode, res.body).toBe(200);
  surveyA = SurveyDto.parse(res.json());
  return surveyA;
}

describe('property service quality surveys (物业质量测评)', () => {
  it("community_staff: can open this quarter's survey of a compound's property company, default questions and weights", async () => {
    const s = await surveyOfA();
    expect(s).toMatchObject({ status: 'open', orgId: orgA.id, compoundName: A.compound.name, abilities: { answer: false, record: true } });
    expect(s.questions.map((q) => q.key)).toEqual(['cleaning', 'security', 'greening', 'repairs', 'attitude', 'comment']);
    expect(s.score).toMatchObject({ answers: 0, surveyScore: null, weights: { survey: 70, orders: 30 } });
    expect(await kit.count('audit_log', `action = 'survey.create'`)).toBe(1);
  });

  it('community_staff: cannot open one with bad input, twice for a period, or without a property company (400, nothing stored)', async () => {
    await surveyOfA();
    const before = await kit.count('property_surveys');
    const swapped = await kit.en(
      staff,
      'POST',
      '/api/surveys',
      surveyBody(A.compound.id, { period: '2020-Q1', closesAt: '2020-01-01T00:00:00Z' }),
    );
    expect(issuesOf(swapped)).toEqual([{ path: 'closesAt', message: 'The closing time must come after the opening time' }]);
    const twice = await staff.post('/api/surveys', surveyBody(A.compound.id));
    expect(issuesOf(twice)).toEqual([{ path: 'period', message: expect.stringMatching(/^该小区 \d{4}-Q\d 的物业测评已经建立$/) }]);
    expect(issuesOf(await staff.post('/api/surveys', surveyBody(A.building.id)))).toEqual([
      { path: 'compoundId', message: '请选择一个小区' },
    ]);
    const bare = await buildCommunityTree(ctx.t.db, A.street);
    const admin = await person(ctx, 'community_admin', bare.community.id);
    expect(issuesOf(await admin.post('/api/surveys', surveyBody(bare.compound.id)))[0]?.path).toBe('compoundId');
    const noRating = await staff.post(
      '/api/surveys',
      surveyBody(A.compound.id, { period: '2021-Q1', questions: [{ key: 'c', label: '意见', kind: 'text' }] }),
    );
    expect(issuesOf(noRating)).toEqual([{ path: 'questions', message: '至少需要一道评分题' }]);
    const badPeriod = await staff.post('/api/surveys', surveyBody(A.compound.id, { period: '2026-Q5' }));
    expect(badPeriod.statusCode).toBe(400);
    expect(issuesOf(badPeriod)[0]?.path).toBe('period');
    expect(await kit.count('property_surveys')).toBe(before);
  });

  it("community_staff: cannot open or see another community's survey (404); grid_worker and resident cannot open one (403)", async () => {
    const s = await surveyOfA();
    const other = await person(ctx, 'community_staff', B.community.id);
    expect((await other.post('/api/surveys', surveyBody(A.compound.id))).statusCode).toBe(404);
    expect((await other.get(`/api/surveys/${s.id}`)).statusCode).toBe(404);
    expect(SurveyList.parse((await other.get('/api/surveys')).json()).items.map((x) => x.id)).not.toContain(s.id);
    const worker = await kit.as('grid_worker', A.grid.id);
    expect((await worker.post('/api/surveys', surveyBody(A.compound.id))).statusCode).toBe(403);
    expect((await worker.get('/api/surveys')).statusCode).toBe(403);
    expect((await worker.get('/api/surveys/ranking')).statusCode).toBe(403);
    const r = await residentHousehold(ctx, A.building);
    expect((await r.agent.post('/api/surveys', surveyBody(A.compound.id))).statusCode).toBe(403);
    expect((await r.agent.get('/api/surveys/ranking')).statusCode).toBe(403);
  });

  it('resident: can answer once from the portal; a second answer of the household, online or on paper, is refused', async () => {
    const s = await surveyOfA();
    const r = await residentHousehold(ctx, A.building);
    const seen = SurveyDto.parse((await r.agent.get(`/api/surveys/${s.id}`)).json());
    expect(seen).toMatchObject({ abilities: { answer: true, record: false }, score: null, comments: null, myAnswer: null });
    const first = await r.agent.post(`/api/surveys/${s.id}/answers`, allRated(4, { texts: { comment: '电梯维修要快一点' } }));
    expect(first.statusCode, first.body).toBe(200);
    expect(SurveyDto.parse(first.json())).toMatchObject({ myAnswer: { channel: 'online' }, abilities: { answer: false }, score: null });
    const again = await r.agent.post(`/api/surveys/${s.id}/answers`, allRated(1));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/^本户已于 .* 通过线上参加本期测评，每户每期只答一次$/);
    const paper = await kit.en(staff, 'POST', `/api/surveys/${s.id}/answers`, allRated(2, { channel: 'paper', residentId: r.spouse.id }));
    expect(paper.statusCode).toBe(409);
    expect(paper.json().error.message).toMatch(/This household already answered this period's survey online/);
    expect(await kit.count('survey_answers', 'survey_id = $1 AND household_id = $2', [s.id, r.household.id])).toBe(1);
    const forStaff = SurveyDto.parse((await staff.get(`/api/surveys/${s.id}`)).json());
    expect(forStaff.comments).toEqual([expect.objectContaining({ text: '电梯维修要快一点', channel: 'online' })]);
    expect(JSON.stringify(forStaff)).not.toContain('赵立新');
  });

  it('resident: cannot answer twice when two answers of the household arrive at the same moment', async () => {
    const s = await surveyOfA();
    const r = await residentHousehold(ctx, A.building);
    const results = await Promise.all([
      r.agent.post(`/api/surveys/${s.id}/answers`, allRated(5)),
      staff.post(`/api/surveys/${s.id}/answers`, allRated(1, { channel: 'in_person', residentId: r.spouse.id })),
      r.agent.post(`/api/surveys/${s.id}/answers`, allRated(3)),
    ]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await kit.count('survey_answers', 'survey_id = $1 AND household_id = $2', [s.id, r.household.id])).toBe(1);
    const sneak = `INSERT INTO survey_answers (survey_id, household_id, ratings, channel) VALUES ($1, $2, '{}', 'paper')`;
    await expect(ctx.t.pool.query(sneak, [s.id, r.household.id])).rejects.toMatchObject({ code: '23505' });
  });

  it('resident: cannot answer with a rating missing or out of range, another compound, or after closing', async () => {
    const s = await surveyOfA();
    const r = await residentHousehold(ctx, A.building);
    const missing = await r.agent.post(`/api/surveys/${s.id}/answers`, { ratings: { cleaning: 5, security: 4, greening: 4, repairs: 3 } });
    expect(issuesOf(missing)).toEqual([{ path: 'ratings.attitude', message: '请为「服务态度」打分' }]);
    const unknown = await r.agent.post(`/api/surveys/${s.id}/answers`, allRated(3, { texts: { nope: 'x' } }));
    expect(issuesOf(unknown)).toEqual([{ path: 'texts.nope', message: '没有题目 nope' }]);
    expect((await r.agent.post(`/api/surveys/${s.id}/answers`, allRated(6))).statusCode).toBe(400);
    const outsider = await residentHousehold(ctx, B.building);
    expect((await outsider.agent.post(`/api/surveys/${s.id}/answers`, allRated(3))).statusCode).toBe(404);
    const desk = await staff.post(`/api/surveys/${s.id}/answers`, allRated(3, { channel: 'paper', residentId: outsider.head.id }));
    expect(issuesOf(desk)).toEqual([{ path: 'residentId', message: '该住户不在本小区，不能参加本次测评' }]);
    const late = await staff.post(
      '/api/surveys',
      surveyBody(A.compound.id, { period: '2025-Q1', opensAt: '2025-03-01T00:00:00Z', closesAt: '2025-04-10T00:00:00Z' }),
    );
    const closed = SurveyDto.parse(late.json());
    expect(closed.status).toBe('closed');
    const refused = await r.agent.post(`/api/surveys/${closed.id}/answers`, allRated(3));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/^本期测评已于 .* 截止$/);
    expect(await kit.count('survey_answers', 'household_id = $1', [r.household.id])).toBe(0);
    expect(codeOf(missing)).toBe('VALIDATION');
  });
});
