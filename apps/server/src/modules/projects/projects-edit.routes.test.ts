import { ProjectDto, type UpdateProjectInput } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, buildCommunityTree, buildOrg, buildUser, signIn, TEST_PASSWORD, useTestApp } from '../../testing/index.js';
import { codeOf, issuesOf, registryKit } from '../registry/test-kit.js';
import { projectInput } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let org: { id: string };
let staff: Agent;
let evaluator: Agent;
let evaluatorId: string;
let handler: Agent;
let other: Agent;
let project: ProjectDto;

const parse = (res: { statusCode: number; body: string; json: () => unknown }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return ProjectDto.parse(res.json());
};

/** The form's state for a project as the server answered it. */
const formOf = (p: ProjectDto): UpdateProjectInput => ({
  providerOrgId: p.provider.id,
  title: p.title,
  category: p.category,
  contractNo: p.contractNo,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  budgetCents: p.budgetCents,
  description: p.description,
  milestones: p.milestones.map(({ id, title, dueOn, note }) => ({ id, title, dueOn, note })),
  kpis: p.kpis.map(({ id, name, unit, target, source }) => ({ id, name, unit, target, source })),
  scorecard: p.scorecard,
});

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  const B = await buildCommunityTree(ctx.t.db, A.street);
  org = await buildOrg(ctx.t.db, A.street, 'social_org');
  staff = await kit.as('community_staff', A.community.id);
  const u = await buildUser(ctx.t.db, 'evaluator', { areaId: A.street.id });
  evaluatorId = u.id;
  evaluator = await signIn(ctx.app, u.username, TEST_PASSWORD);
  const h = await buildUser(ctx.t.db, 'handler_staff', { orgId: org.id });
  handler = await signIn(ctx.app, h.username, TEST_PASSWORD);
  other = await kit.as('community_staff', B.community.id);
  project = parse(await staff.post('/api/projects', projectInput(A.community.id, org.id)), 201);
});

describe('editing a service project', () => {
  it('community_staff: can edit the facts, edit/add/remove milestones and KPIs and change the scorecard in one save', async () => {
    const done = parse(await staff.patch(`/api/projects/${project.id}/milestones/${project.milestones[0]!.id}`, { doneOn: '2025-01-10' }));
    const form = formOf(done);
    const edited = parse(
      await staff.put(`/api/projects/${project.id}`, {
        ...form,
        title: '长者助餐服务项目（二期）',
        budgetCents: 15_000_050,
        milestones: [{ ...form.milestones[0]!, title: '签订合同并公示' }, form.milestones[2]!, { title: '季度回访', dueOn: '2025-09-30' }],
        kpis: [form.kpis[0]!, { ...form.kpis[4]!, target: 60 }, { name: '培训人次', unit: '人次', target: 30, source: 'manual' }],
        scorecard: [
          { key: 'goals', name: '目标达成', weight: 50 },
          { key: 'quality', name: '服务质量', weight: 50 },
        ],
      }),
    );
    expect(edited).toMatchObject({ title: '长者助餐服务项目（二期）', budgetCents: 15_000_050, contractNo: project.contractNo });
    expect(edited.milestones.map((m) => [m.title, m.doneOn])).toEqual([
      ['签订合同并公示', '2025-01-10'],
      ['结项验收', null],
      ['季度回访', null],
    ]);
    expect(edited.kpis.map((k) => [k.name, k.target, k.actual])).toEqual([
      ['开展活动', 4, 0],
      ['满意度调查', 60, 20],
      ['培训人次', 30, 0],
    ]);
    expect(edited.scorecard.map((c) => c.weight)).toEqual([50, 50]);
    expect(await kit.count('audit_log', "action = 'project.update' AND entity_id = $1", [project.id])).toBe(1);
    project = edited;
  });

  it('community_staff: cannot save weights not summing to 100, a reversed period, a milestone of another project or a taken contract number (400/409 on the field, nothing changed)', async () => {
    const second = parse(await staff.post('/api/projects', projectInput(A.community.id, org.id)), 201);
    const form = formOf(project);
    const bad = await kit.en(staff, 'PUT', `/api/projects/${project.id}`, {
      ...form,
      endsOn: '2024-01-01',
      milestones: [...form.milestones, { id: second.milestones[0]!.id, title: '偷来的', dueOn: '2025-02-01' }],
      scorecard: [{ key: 'goals', name: '目标达成', weight: 90 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad)).toEqual([
      { path: 'endsOn', message: 'The end date cannot be before the start date' },
      { path: 'scorecard', message: 'The weights of the criteria must sum to 100' },
      { path: 'milestones.3.title', message: 'This item is not part of the project; reload and try again' },
    ]);
    const shape = await staff.put(`/api/projects/${project.id}`, { ...form, budgetCents: -1, title: '' });
    expect([
      shape.statusCode,
      issuesOf(shape)
        .map((i) => i.path)
        .sort(),
    ]).toEqual([400, ['budgetCents', 'title']]);
    const taken = await staff.put(`/api/projects/${project.id}`, { ...form, contractNo: second.contractNo });
    expect([taken.statusCode, issuesOf(taken)[0]?.path]).toEqual([409, 'contractNo']);
    expect(parse(await staff.get(`/api/projects/${project.id}`))).toEqual(project);
  });

  it('community_staff of another community: 404; the evaluator and the provider’s staff who read it: 403', async () => {
    const body = formOf(project);
    expect((await other.put(`/api/projects/${project.id}`, body)).statusCode).toBe(404);
    expect((await handler.put(`/api/projects/${project.id}`, body)).statusCode).toBe(403);
    parse(await staff.post(`/api/projects/${project.id}/evaluators`, { userId: evaluatorId }), 201);
    expect((await evaluator.put(`/api/projects/${project.id}`, body)).statusCode).toBe(403);
    expect((await other.delete(`/api/projects/${project.id}/evaluators/${evaluatorId}`)).statusCode).toBe(404);
    expect((await evaluator.delete(`/api/projects/${project.id}/evaluators/${evaluatorId}`)).statusCode).toBe(403);
    expect((await handler.delete(`/api/projects/${project.id}/evaluators/${evaluatorId}`)).statusCode).toBe(403);
  });

  it('community_staff: can withdraw an evaluator who has not scored; once they submitted it is refused (409 with the reason)', async () => {
    const removed = parse(await staff.delete(`/api/projects/${project.id}/evaluators/${evaluatorId}`));
    expect(removed.assigned).toEqual([]);
    expect((await evaluator.get(`/api/projects/${project.id}`)).statusCode).toBe(404);
    expect((await staff.delete(`/api/projects/${project.id}/evaluators/${evaluatorId}`)).statusCode).toBe(404);
    parse(await staff.post(`/api/projects/${project.id}/evaluators`, { userId: evaluatorId }), 201);
    const scores = project.scorecard.map((c) => ({ key: c.key, score: 80 }));
    parse(await evaluator.post(`/api/projects/${project.id}/evaluations`, { scores }), 201);
    const refused = await kit.en(staff, 'PUT', `/api/projects/${project.id}`, formOf(project));
    expect(refused.statusCode).toBe(200); // the scorecard did not change: the rest may still be edited
    const res = await staff.request({
      method: 'DELETE',
      url: `/api/projects/${project.id}/evaluators/${evaluatorId}`,
      headers: { 'x-linli-locale': 'en' },
    });
    expect([res.statusCode, codeOf(res)]).toEqual([409, 'CONFLICT']);
    expect(res.json()).toMatchObject({ error: { message: 'This evaluator has already submitted an evaluation and cannot be removed' } });
    const locked = await staff.put(`/api/projects/${project.id}`, {
      ...formOf(project),
      scorecard: [{ key: 'goals', name: '目标达成', weight: 100 }],
    });
    expect([locked.statusCode, issuesOf(locked)[0]?.path]).toEqual([409, 'scorecard']);
    expect(await kit.count('project_evaluators', 'project_id = $1', [project.id])).toBe(1);
  });
});
