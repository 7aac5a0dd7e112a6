import { SurveyDto, SurveyRanking } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tree, buildCommunityTree, buildOrderRow, buildService, useTestApp } from '../../testing/index.js';
import { residentHousehold } from '../consultations/test-kit.js';
import { person } from '../mediation/test-kit.js';
import { allRated, servedBy, surveyBody } from './test-kit.js';

const ctx = useTestApp();

let A: Tree;
let B: Tree;
let survey: SurveyDto;
let orgB: Awaited<ReturnType<typeof servedBy>>;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  const orgA = await servedBy(ctx, A.compound);
  orgB = await servedBy(ctx, B.compound);
  const staff = await person(ctx, 'community_staff', A.community.id);
  survey = SurveyDto.parse((await staff.post('/api/surveys', surveyBody(A.compound.id))).json());
  // two answers: all 5 online and all 3 on paper → mean 4 → (4 − 1) / 4 × 100 = 75
  const r1 = await residentHousehold(ctx, A.building);
  const r2 = await residentHousehold(ctx, A.building);
  expect((await r1.agent.post(`/api/surveys/${survey.id}/answers`, allRated(5))).statusCode).toBe(200);
  expect(
    (await staff.post(`/api/surveys/${survey.id}/answers`, allRated(3, { channel: 'paper', residentId: r2.head.id }))).statusCode,
  ).toBe(200);
  // the company's orders in the compound this quarter: one satisfied, one basic, two unsatisfied → 50 %;
  // another company's order and last year's order do not count
  const service = await buildService(ctx.t.db, A.street);
  const placedAt = new Date(Date.now() - 60_000);
  for (const rating of ['satisfied', 'basic', 'unsatisfied', 'unsatisfied'] as const)
    await buildOrderRow(ctx.t.db, service, A.building, { handlerOrgId: orgA.id, rating, placedAt });
  await buildOrderRow(ctx.t.db, service, A.building, { handlerOrgId: orgB.id, rating: 'satisfied', placedAt });
  await buildOrderRow(ctx.t.db, service, A.building, {
    handlerOrgId: orgA.id,
    rating: 'satisfied',
    placedAt: new Date('2025-01-15T00:00:00Z'),
  });
  await buildOrderRow(ctx.t.db, service, A.building, { handlerOrgId: orgA.id, placedAt });
  // B's compound: no answers, its orders all satisfied → its score is the orders' part alone
  const staffB = await person(ctx, 'community_staff', B.community.id);
  expect((await staffB.post('/api/surveys', surveyBody(B.compound.id, { surveyWeight: 60 }))).statusCode).toBe(200);
  await buildOrderRow(ctx.t.db, service, B.building, { handlerOrgId: orgB.id, rating: 'satisfied', placedAt });
});

describe('the combined score and the ranking', () => {
  it('community_staff: reads the score: survey 75, orders 50 %, combined 0.7 × 75 + 0.3 × 50 = 67.5', async () => {
    const staff = await person(ctx, 'community_admin', A.community.id);
    const s = SurveyDto.parse((await staff.get(`/api/surveys/${survey.id}`)).json());
    expect(s.score).toMatchObject({
      answers: 2,
      surveyScore: 75,
      ordersRated: 4,
      ordersSatisfied: 2,
      satisfactionRate: 0.5,
      weights: { survey: 70, orders: 30 },
      combined: 67.5,
    });
    expect(s.score?.means.map((m) => m.mean)).toEqual([4, 4, 4, 4, 4]);
  });

  it("street_supervisor: ranks the street's compounds (B 100 from orders alone, A 67.5) with a series per compound", async () => {
    const street = await person(ctx, 'street_supervisor', A.street.id);
    const res = await street.get('/api/surveys/ranking');
    expect(res.statusCode, res.body).toBe(200);
    const ranking = SurveyRanking.parse(res.json());
    expect(ranking.period).toBe(survey.period);
    expect(ranking.rows.map((r) => [r.rank, r.compoundName, r.surveyScore, r.satisfactionRate, r.combined])).toEqual([
      [1, B.compound.name, null, 1, 100],
      [2, A.compound.name, 75, 0.5, 67.5],
    ]);
    expect(ranking.trend.find((t) => t.compoundId === A.compound.id)?.points).toEqual([
      expect.objectContaining({ period: survey.period, combined: 67.5 }),
    ]);
    expect((await street.post('/api/surveys', surveyBody(A.compound.id, { period: '2024-Q2' }))).statusCode).toBe(403);
  });

  it('evaluator: can read the ranking but not open a survey (403) nor read another street (404 / empty)', async () => {
    const evaluator = await person(ctx, 'evaluator', A.street.id);
    expect(SurveyRanking.parse((await evaluator.get('/api/surveys/ranking')).json()).rows).toHaveLength(2);
    expect((await evaluator.post('/api/surveys', surveyBody(A.compound.id, { period: '2024-Q3' }))).statusCode).toBe(403);
    const far = await buildCommunityTree(ctx.t.db);
    const outsider = await person(ctx, 'evaluator', far.street.id);
    expect(SurveyRanking.parse((await outsider.get('/api/surveys/ranking')).json()).rows).toEqual([]);
    expect((await outsider.get(`/api/surveys/ranking?communityId=${A.community.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/surveys/${survey.id}`)).statusCode).toBe(404);
  });

  it("community_staff: ranks only its own community's compounds", async () => {
    const staff = await person(ctx, 'community_staff', A.community.id);
    const ranking = SurveyRanking.parse((await staff.get(`/api/surveys/ranking?communityId=${A.community.id}`)).json());
    expect(ranking.rows.map((r) => r.compoundId)).toEqual([A.compound.id]);
    expect((await staff.get(`/api/surveys/ranking?communityId=${B.community.id}`)).statusCode).toBe(404);
  });
});
