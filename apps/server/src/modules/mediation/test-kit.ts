import type { Role } from '@linli/contracts';
import { type Agent, TEST_PASSWORD, type TestApp, type Tree, buildHousehold, buildUser, signIn } from '../../testing/index.js';

/** A signed-in user with their id. */
export async function person(ctx: TestApp, role: Role, areaId: string): Promise<Agent & { id: string }> {
  const u = await buildUser(ctx.t.db, role, { areaId });
  return Object.assign(await signIn(ctx.app, u.username, TEST_PASSWORD), { id: u.id });
}

export const TERMS = {
  facts: '双方系上下楼邻居',
  matters: '楼上装修噪音影响楼下休息',
  responsibility: '楼上未按规定时间施工',
  agreed: '楼上仅在工作日 8:00-12:00、14:00-18:00 施工',
  performance: '自签署之日起履行，社区一周后回访',
};

/** Two households of `tree` with a head each: the parties of a neighbours' dispute. */
export async function twoParties(ctx: TestApp, tree: Tree) {
  const a = await buildHousehold(ctx.t.db, tree.building, { head: { name: '王建国' } });
  const b = await buildHousehold(ctx.t.db, tree.building, { head: { name: '李秀英' } });
  return [a.members[0]!, b.members[0]!] as const;
}

export function openBody(residentIds: readonly [string, string], mediatorIds: string[], extra: Record<string, unknown> = {}) {
  return {
    kind: 'renovation_noise',
    title: '装修噪音纠纷',
    facts: '楼上装修影响楼下老人休息',
    parties: [
      { kind: 'resident', residentId: residentIds[0], side: 'applicant' },
      { kind: 'resident', residentId: residentIds[1], side: 'respondent' },
    ],
    mediatorIds,
    ...extra,
  };
}
