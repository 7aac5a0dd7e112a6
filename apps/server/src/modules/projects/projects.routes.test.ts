import { ProjectDto, ProjectListDto, OrgProjectHistoryDto, WorkReportDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  type Tree,
  buildCommunityTree,
  buildHousehold,
  buildOrderRow,
  buildOrg,
  buildService,
  buildUser,
  signIn,
  TEST_PASSWORD,
  useTestApp,
} from '../../testing/index.js';
import { multipartBody } from '../attachments/test-kit.js';
import { codeOf, issuesOf, registryKit } from '../registry/test-kit.js';
import { buildActivity, projectInput } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let org: { id: string };
let staff: Agent;
let street: Agent;
let evaluator: Agent;
let evaluatorId: string;
let other: Agent;
let project: ProjectDto;

const parse = (res: { statusCode: number; body: string; json: () => unknown }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return ProjectDto.parse(res.json());
};

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  org = await buildOrg(ctx.t.db, A.street, 'social_org');
  staff = await kit.as('community_staff', A.community.id);
  street = await kit.as('street_supervisor', A.street.id);
  const u = await buildUser(ctx.t.db, 'evaluator', { areaId: A.street.id });
  evaluatorId = u.id;
  evaluator = await signIn(ctx.app, u.username, TEST_PASSWORD);
  other = await kit.as('community_staff', B.community.id);
  project = parse(await staff.post('/api/projects', projectInput(A.community.id, org.id)), 201);
});

describe('service projects', () => {
  it('community_staff: can create a project with milestones, KPIs and the default scorecard', () => {
    expect(project).toMatchObject({ category: 'purchase', budgetCents: 12_000_000, provider: { id: org.id }, result: null });
    expect(project.scorecard.map((c) => c.weight)).toEqual([40, 25, 20, 15]);
    expect(project.progress).toEqual({ milestonesDone: 0, milestones: 3, kpiAttainment: 8, percent: 4 });
    expect(project.abilities).toEqual(['edit', 'assign', 'reopen', 'evidence']);
  });

  it('community_staff: cannot create with weights not summing to 100, a reversed period or a provider that is not a social organisation (400, nothing written)', async () => {
    const before = await kit.count('service_projects');
    const property = await buildOrg(ctx.t.db, A.street, 'property');
    const bad = projectInput(A.community.id, property.id, {
      endsOn: '2024-12-31',
      scorecard: [
        { key: 'goals', name: '目标达成', weight: 50 },
        { key: 'quality', name: '服务质量', weight: 40 },
      ],
    });
    const res = await kit.en(staff, 'POST', '/api/projects', bad);
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      { path: 'providerOrgId', message: 'The provider must be a social organisation of this street' },
      { path: 'endsOn', message: 'The end date cannot be before the start date' },
      { path: 'scorecard', message: 'The weights of the criteria must sum to 100' },
    ]);
    const weights = await staff.put(`/api/projects/${project.id}/scorecard`, {
      criteria: [{ key: 'goals', name: '目标达成', weight: 99 }],
    });
    expect(weights.statusCode).toBe(400);
    expect(issuesOf(weights)).toEqual([{ path: 'criteria', message: '各评分指标的权重之和须为 100' }]);
    const field = await staff.post('/api/projects', { ...projectInput(A.community.id, org.id), budgetCents: -1 });
    expect(field.statusCode).toBe(400);
    expect(issuesOf(field).map((i) => i.path)).toEqual(['budgetCents']);
    expect(await kit.count('service_projects')).toBe(before);
  });

  it('community_staff: cannot see or buy in another community (404)', async () => {
    expect((await other.get(`/api/projects/${project.id}`)).statusCode).toBe(404);
    expect(ProjectListDto.parse((await other.get('/api/projects')).json()).items).toEqual([]);
    expect((await other.post('/api/projects', projectInput(A.community.id, org.id))).statusCode).toBe(404);
    expect(
      (await other.patch(`/api/projects/${project.id}/milestones/${project.milestones[0]!.id}`, { doneOn: '2025-01-10' })).statusCode,
    ).toBe(404);
  });

  it('counts automatic KPIs live from the linked activities, orders and programme sessions inside the period', async () => {
    const held = await buildActivity(ctx.t.db, A.community, '2025-03-01');
    const open = await buildActivity(ctx.t.db, A.community, '2025-04-01', 'open');
    await buildActivity(ctx.t.db, A.community, '2025-05-01', 'cancelled').then((a) => link('activity', a.id));
    const before = await buildActivity(ctx.t.db, A.community, '2024-12-31');
    const meals = await buildService(ctx.t.db, A.street, { name: '助餐配送' });
    const at = (d: string) => new Date(`${d}T10:00:00+08:00`);
    for (const d of ['2025-02-01', '2025-02-02', '2025-12-31']) await buildOrderRow(ctx.t.db, meals, A.building, { placedAt: at(d) });
    await buildOrderRow(ctx.t.db, meals, A.building, { placedAt: new Date('2024-12-31T15:59:00Z') }); // 23:59 China time, outside
    await buildOrderRow(ctx.t.db, meals, B.building, { placedAt: at('2025-02-03') }); // another community
    const prog = await staff.post('/api/programmes', {
      communityId: A.community.id,
      kind: 'meal_aid',
      name: '助餐点',
      providerOrgId: org.id,
    });
    const programmeId = (prog.json() as { id: string }).id;
    const elders = [await buildHousehold(ctx.t.db, A.building), await buildHousehold(ctx.t.db, A.building)];
    const enrolments: string[] = [];
    for (const h of elders) {
      const e = await staff.post(`/api/programmes/${programmeId}/enrolments`, { residentId: h.members[0]!.id, enrolledOn: '2025-02-01' });
      expect(e.statusCode, e.body).toBe(201);
      enrolments.push((e.json() as { id: string }).id);
    }
    for (const heldOn of ['2025-02-10', '2025-02-11', '2026-01-05'])
      expect((await staff.post(`/api/programmes/${programmeId}/sessions`, { heldOn, attendees: enrolments })).statusCode).toBe(201);
    for (const a of [held, open, before]) await link('activity', a.id);
    await link('service', meals.id);
    const last = parse(await link('programme', programmeId), 201);
    const actual = Object.fromEntries(last.kpis.map((k) => [k.source, [k.actual, k.attainment]]));
    expect(actual).toEqual({
      activities: [2, 50],
      orders: [3, 75],
      programme_sessions: [2, 100],
      programme_beneficiaries: [2, 100],
      manual: [20, 40],
    });
    expect(last.links.map((l) => l.kind).sort()).toEqual(['activity', 'activity', 'activity', 'activity', 'programme', 'service']);
    const foreign = await buildActivity(ctx.t.db, B.community, '2025-03-01');
    const refused = await link('activity', foreign.id);
    expect([refused.statusCode, issuesOf(refused)[0]?.path]).toEqual([400, 'targetId']);
  });

  it('street_supervisor: can mark milestones done and record a manual KPI; an automatic KPI cannot be typed in (400)', async () => {
    const [m1] = project.milestones;
    const done = parse(await street.patch(`/api/projects/${project.id}/milestones/${m1!.id}`, { doneOn: '2025-01-10', note: '已签' }));
    expect(done.milestones[0]).toMatchObject({ doneOn: '2025-01-10', note: '已签' });
    expect(done.progress.milestonesDone).toBe(1);
    const manual = done.kpis.find((k) => k.source === 'manual')!;
    expect(
      parse(await street.patch(`/api/projects/${project.id}/kpis/${manual.id}`, { manualValue: 60 })).kpis.find((k) => k.id === manual.id)
        ?.attainment,
    ).toBe(100);
    const auto = done.kpis.find((k) => k.source === 'orders')!;
    const res = await street.patch(`/api/projects/${project.id}/kpis/${auto.id}`, { manualValue: 3 });
    expect([res.statusCode, issuesOf(res)[0]?.path]).toEqual([400, 'manualValue']);
  });

  it('evaluator: sees nothing until assigned (404), then only the assigned project, and cannot edit it (403)', async () => {
    const second = parse(await staff.post('/api/projects', projectInput(A.community.id, org.id, { title: '法律援助' })), 201);
    expect((await evaluator.get(`/api/projects/${project.id}`)).statusCode).toBe(404);
    expect(ProjectListDto.parse((await evaluator.get('/api/projects')).json()).items).toEqual([]);
    const options = (await staff.get(`/api/projects/${project.id}/evaluator-options`)).json() as { items: { id: string }[] };
    expect(options.items.map((o) => o.id)).toContain(evaluatorId);
    const notEvaluator = await buildUser(ctx.t.db, 'community_staff', { areaId: A.community.id });
    const wrong = await staff.post(`/api/projects/${project.id}/evaluators`, { userId: notEvaluator.id });
    expect([wrong.statusCode, issuesOf(wrong)[0]?.path]).toEqual([400, 'userId']);
    expect(parse(await staff.post(`/api/projects/${project.id}/evaluators`, { userId: evaluatorId }), 201).assigned).toEqual([
      expect.objectContaining({ id: evaluatorId, submitted: false }),
    ]);
    const list = ProjectListDto.parse((await evaluator.get('/api/projects')).json());
    expect(list.items.map((p) => p.id)).toEqual([project.id]);
    expect((await evaluator.get(`/api/projects/${second.id}`)).statusCode).toBe(404);
    const seen = parse(await evaluator.get(`/api/projects/${project.id}`));
    expect(seen.abilities).toEqual(['evaluate']);
    const m = project.milestones[1]!.id;
    expect((await evaluator.patch(`/api/projects/${project.id}/milestones/${m}`, { doneOn: '2025-06-30' })).statusCode).toBe(403);
    expect((await evaluator.post(`/api/projects/${project.id}/notes`, { title: '评估意见' })).statusCode).toBe(403);
    expect((await evaluator.post(`/api/projects/${second.id}/evaluations`, scores(90))).statusCode).toBe(404);
    expect((await staff.post(`/api/projects/${project.id}/evaluations`, scores(90))).statusCode).toBe(403);
  });

  it('evaluator: scores every criterion once; of two concurrent submits one wins (201) and the other answers 409', async () => {
    const partial = await evaluator.post(`/api/projects/${project.id}/evaluations`, { scores: [{ key: 'goals', score: 90 }] });
    expect([partial.statusCode, issuesOf(partial)[0]?.path]).toEqual([400, 'scores']);
    const outOfRange = await evaluator.post(`/api/projects/${project.id}/evaluations`, scores(101));
    expect(outOfRange.statusCode).toBe(400);
    const [a, b] = await Promise.all([
      evaluator.post(`/api/projects/${project.id}/evaluations`, scores(95, 90, 85, 80)),
      evaluator.post(`/api/projects/${project.id}/evaluations`, scores(60, 60, 60, 60)),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await kit.count('project_evaluations', 'project_id = $1', [project.id])).toBe(1);
    const winner = ProjectDto.parse((a.statusCode === 201 ? a : b).json());
    const total = winner.evaluations[0]!.total;
    expect([89.5, 60]).toContain(total); // 95×.4 + 90×.25 + 85×.2 + 80×.15 = 89.5
    expect(winner.result).toEqual({ score: total, grade: total >= 80 ? 'good' : 'pass', evaluations: 1 });
    expect(winner.abilities).toEqual([]);
    expect((await evaluator.post(`/api/projects/${project.id}/evaluations`, scores(70))).statusCode).toBe(409);
  });

  it('community_staff: can reopen a submitted evaluation; it stays in the history and the evaluator scores again', async () => {
    const before = parse(await staff.get(`/api/projects/${project.id}`));
    const reopened = parse(await staff.post(`/api/projects/${project.id}/evaluations/${before.evaluations[0]!.id}/reopen`));
    expect(reopened.result).toBeNull();
    expect(reopened.evaluations[0]!.supersededAt).not.toBeNull();
    expect((await evaluator.post(`/api/projects/${project.id}/evaluations/${before.evaluations[0]!.id}/reopen`)).statusCode).toBe(403);
    const again = parse(await evaluator.post(`/api/projects/${project.id}/evaluations`, scores(95, 90, 85, 80)), 201);
    expect(again.result).toEqual({ score: 89.5, grade: 'good', evaluations: 1 });
    expect(again.evaluations).toHaveLength(2);
    const scorecard = await staff.put(`/api/projects/${project.id}/scorecard`, {
      criteria: [{ key: 'goals', name: '目标达成', weight: 100 }],
    });
    expect(codeOf(scorecard)).toBe('CONFLICT');
  });

  it('handler_staff: the provider’s staff read their own organisation’s projects and upload a PDF; other staff see nothing', async () => {
    const provider = await buildUser(ctx.t.db, 'handler_staff', { orgId: org.id });
    const agent = await signIn(ctx.app, provider.username, TEST_PASSWORD);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const up = await agent.request({
      method: 'POST',
      url: `/api/projects/${project.id}/evidence?title=${encodeURIComponent('服务台账')}`,
      ...multipartBody(pdf, 'ledger.pdf', 'application/pdf'),
    });
    const withFile = parse(up, 201);
    const ev = withFile.evidence.find((e) => e.title === '服务台账')!;
    expect(ev.file).toEqual({ contentType: 'application/pdf', size: pdf.length });
    const content = await evaluator.get(`/api/projects/${project.id}/evidence/${ev.id}/content`);
    expect([content.statusCode, content.headers['content-type'], content.rawPayload.equals(pdf)]).toEqual([200, 'application/pdf', true]);
    expect((await other.get(`/api/projects/${project.id}/evidence/${ev.id}/content`)).statusCode).toBe(404);
    const text = await agent.request({
      method: 'POST',
      url: `/api/projects/${project.id}/evidence`,
      ...multipartBody(Buffer.from('hello'), 'a.txt', 'text/plain'),
    });
    expect([text.statusCode, issuesOf(text)[0]?.path]).toEqual([400, 'file']);
    const stranger = await signIn(
      ctx.app,
      (await buildUser(ctx.t.db, 'handler_staff', { orgId: (await buildOrg(ctx.t.db, A.street, 'social_org')).id })).username,
      TEST_PASSWORD,
    );
    expect((await stranger.get(`/api/projects/${project.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/projects/${project.id}/notes`, { title: 'x' })).statusCode).toBe(404);
  });

  it('street_supervisor: the organisation’s history lists its projects with results, and the work report counts them', async () => {
    const history = OrgProjectHistoryDto.parse((await street.get(`/api/social-orgs/${org.id}/projects`)).json());
    expect(history.items.map((p) => [p.title, p.result?.score ?? null])).toEqual(
      expect.arrayContaining([
        ['长者助餐服务项目', 89.5],
        ['法律援助', null],
      ]),
    );
    expect((await other.get(`/api/social-orgs/${org.id}/projects`)).statusCode).toBe(404);
    const res = await street.get(`/api/reports/work?area=${A.community.code}&from=2025-01-01&to=2025-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const report = WorkReportDto.parse(res.json());
    expect(report.figures.projects).toEqual({
      value: 2,
      by: [
        { key: 'benefit', name: '惠民实事', value: 0 },
        { key: 'purchase', name: '购买服务', value: 2 },
        { key: 'evaluated', name: '已评估', value: 1 },
        { key: 'averageScore', name: '平均评估得分', value: 89.5 },
      ],
    });
  });
});

describe('every project route: another community answers 404, a forbidden role in scope 403', () => {
  const writes = () => {
    const [m] = project.milestones;
    const [k] = project.kpis;
    const ev = project.evaluations[0]?.id ?? project.id;
    return [
      ['PUT', `/api/projects/${project.id}/scorecard`, { criteria: [{ key: 'goals', name: '目标达成', weight: 100 }] }],
      ['PATCH', `/api/projects/${project.id}/milestones/${m!.id}`, { doneOn: null }],
      ['PATCH', `/api/projects/${project.id}/kpis/${k!.id}`, { manualValue: 1 }],
      ['POST', `/api/projects/${project.id}/links`, { kind: 'activity', targetId: project.id }],
      ['POST', `/api/projects/${project.id}/evaluators`, { userId: evaluatorId }],
      ['POST', `/api/projects/${project.id}/evaluations/${ev}/reopen`, undefined],
    ] as const;
  };

  it('community_staff of another community: 404 on every read and write of the project', async () => {
    for (const [method, url, payload] of writes())
      expect([url, (await other.request({ method, url, payload })).statusCode]).toEqual([url, 404]);
    for (const url of [`/api/projects/${project.id}/evaluator-options`, `/api/projects/${project.id}`])
      expect([url, (await other.get(url)).statusCode]).toEqual([url, 404]);
    const up = await other.request({
      method: 'POST',
      url: `/api/projects/${project.id}/evidence`,
      ...multipartBody(Buffer.from('%PDF-1.4'), 'a.pdf', 'application/pdf'),
    });
    expect(up.statusCode).toBe(404);
  });

  it('evaluator (assigned): 403 on every write of the buyer; party_organiser: 403 creating or listing projects', async () => {
    for (const [method, url, payload] of writes())
      expect([url, (await evaluator.request({ method, url, payload })).statusCode]).toEqual([url, 403]);
    expect((await evaluator.get(`/api/projects/${project.id}/evaluator-options`)).statusCode).toBe(403);
    const party = await kit.as('party_organiser', A.community.id);
    expect((await party.post('/api/projects', projectInput(A.community.id, org.id))).statusCode).toBe(403);
    expect((await party.get('/api/projects')).statusCode).toBe(403);
  });
});

const link = (kind: string, targetId: string) => staff.post(`/api/projects/${project.id}/links`, { kind, targetId });

function scores(goals: number, quality = goals, satisfaction = goals, funds = goals) {
  return {
    scores: [
      { key: 'goals', score: goals, comment: '' },
      { key: 'quality', score: quality },
      { key: 'satisfaction', score: satisfaction },
      { key: 'funds', score: funds },
    ],
    comment: '总体良好',
  };
}
