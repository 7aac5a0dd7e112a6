import { ActivityDto, type ActivityInput, type Role } from '@linli/contracts';
import { expect } from 'vitest';
import { type Agent, type TestApp, type Tree, TEST_PASSWORD, buildOrg, buildUser, signIn } from '../../testing/index.js';

const HOUR = 3600_000;

/** Test support for activities and volunteers: signed-in people of a community and a ready activity. */
export function activityKit(ctx: TestApp) {
  const as = async (role: Role, scope: { areaId?: string; orgId?: string }): Promise<Agent> => {
    const u = await buildUser(ctx.t.db, role, scope);
    return signIn(ctx.app, u.username, TEST_PASSWORD);
  };
  return {
    as,
    /** A resident living in the tree's building. */
    resident: (tree: Tree) => as('resident', { areaId: tree.building.id }),
    /** A volunteer of the community's volunteer team, registered as a volunteer by themselves. */
    volunteer: async (tree: Tree) => {
      const org = await buildOrg(ctx.t.db, tree.community, 'volunteer_team');
      const agent = await as('volunteer', { orgId: org.id });
      const res = await agent.post('/api/volunteers', {});
      expect(res.statusCode, res.body).toBe(201);
      return agent;
    },
    /** An activity published by `staff`, by default from three hours ago to one hour ago. */
    publish: async (staff: Agent, tree: Tree, over: Partial<ActivityInput> = {}) => {
      const now = Date.now();
      const res = await staff.post('/api/activities', {
        communityId: tree.community.id,
        kind: 'volunteer_service',
        title: '为独居老人打扫卫生',
        organiser: '社区党委',
        place: '社区活动中心',
        startsAt: new Date(now - 3 * HOUR).toISOString(),
        endsAt: new Date(now - HOUR).toISOString(),
        capacity: 2,
        ...over,
      });
      expect(res.statusCode, res.body).toBe(201);
      return ActivityDto.parse(res.json());
    },
    en: (agent: Agent, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
      agent.request({ method, url, payload, headers: { 'x-linli-locale': 'en' } }),
  };
}
