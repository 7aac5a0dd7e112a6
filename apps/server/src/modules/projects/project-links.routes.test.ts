import { ProjectDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, TEST_PASSWORD, buildCommunityTree, buildOrg, buildUser, signIn, useTestApp } from '../../testing/index.js';
import { issuesOf, registryKit } from '../registry/test-kit.js';
import { buildActivity, projectInput } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let staff: Agent;
let project: ProjectDto;
let activityId: string;

const parse = (res: { statusCode: number; body: string; json: () => unknown }, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return ProjectDto.parse(res.json());
};
const unlinkPath = (targetId = activityId, kind = 'activity') => `/api/projects/${project.id}/links/${kind}/${targetId}`;
const activitiesKpi = (p: ProjectDto) => p.kpis.find((k) => k.source === 'activities')!;

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  const org = await buildOrg(ctx.t.db, A.street, 'social_org');
  staff = await kit.as('community_staff', A.community.id);
  project = parse(await staff.post('/api/projects', projectInput(A.community.id, org.id)), 201);
  activityId = (await buildActivity(ctx.t.db, A.community, '2025-03-08')).id;
});

describe('linking records to a project’s automatic KPIs', () => {
  it('community_staff: can link an activity and unlink it; the KPI counts it, then not, and both moves are audited', async () => {
    const linked = parse(await staff.post(`/api/projects/${project.id}/links`, { kind: 'activity', targetId: activityId }), 201);
    expect(activitiesKpi(linked).actual).toBe(1);
    expect(linked.links).toEqual([{ kind: 'activity', targetId: activityId, name: '活动 2025-03-08', day: '2025-03-08' }]);
    const unlinked = parse(await staff.delete(unlinkPath()));
    expect(activitiesKpi(unlinked)).toMatchObject({ actual: 0, attainment: 0 });
    expect(unlinked.links).toEqual([]);
    const actions = await ctx.t.pool.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_id = $1 AND action IN ('project.link', 'project.unlink') ORDER BY at",
      [project.id],
    );
    expect(actions.rows.map((r) => r.action)).toEqual(['project.link', 'project.unlink']);
  });

  it('community_staff: activities of one title tell apart by their day (China time), earliest first', async () => {
    const [late, early] = [
      await buildActivity(ctx.t.db, A.community, '2025-04-02'),
      await buildActivity(ctx.t.db, A.community, '2025-03-20'),
    ];
    await ctx.t.pool.query(`UPDATE activities SET title = '为独居老人打扫卫生', starts_at = $2 WHERE id = $1`, [
      late.id,
      '2025-04-01T16:30:00Z', // 00:30 on 2 April in China
    ]);
    await ctx.t.pool.query(`UPDATE activities SET title = '为独居老人打扫卫生' WHERE id = $1`, [early.id]);
    for (const a of [late, early]) parse(await staff.post(`/api/projects/${project.id}/links`, { kind: 'activity', targetId: a.id }), 201);
    const seen = parse(await staff.get(`/api/projects/${project.id}`)).links.filter((l) => l.name === '为独居老人打扫卫生');
    expect(seen.map((l) => [l.targetId, l.day])).toEqual([
      [early.id, '2025-03-20'],
      [late.id, '2025-04-02'],
    ]);
    for (const a of [late, early]) parse(await staff.delete(unlinkPath(a.id)));
  });

  it('community_staff: cannot unlink a record that is not linked, or with a bad kind (400, field-level, nothing changed)', async () => {
    const res = await staff.request({ method: 'DELETE', url: unlinkPath(), headers: { 'x-linli-locale': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([{ path: 'targetId', message: 'This record is not linked to the project; reload and try again' }]);
    expect((await staff.delete(unlinkPath(activityId, 'meeting'))).statusCode).toBe(400);
  });

  it('handler_staff of the provider: cannot link or unlink (403)', async () => {
    const h = await buildUser(ctx.t.db, 'handler_staff', { orgId: project.provider.id });
    const handler = await signIn(ctx.app, h.username, TEST_PASSWORD);
    expect((await handler.post(`/api/projects/${project.id}/links`, { kind: 'activity', targetId: activityId })).statusCode).toBe(403);
    expect((await handler.delete(unlinkPath())).statusCode).toBe(403);
  });

  it("community_staff of another community: cannot unlink the project's records (404)", async () => {
    parse(await staff.post(`/api/projects/${project.id}/links`, { kind: 'activity', targetId: activityId }), 201);
    const B = await buildCommunityTree(ctx.t.db, A.street);
    const other = await kit.as('community_staff', B.community.id);
    expect((await other.delete(unlinkPath())).statusCode).toBe(404);
    expect(parse(await staff.get(`/api/projects/${project.id}`)).links).toHaveLength(1);
  });
});
