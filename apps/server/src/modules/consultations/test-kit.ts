import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { type AreaRow, type TestApp, TEST_PASSWORD, buildHousehold, buildUser, signIn } from '../../testing/index.js';

/** A household of `building` (head and spouse) whose head signs in to the portal as a resident. */
export async function residentHousehold(ctx: TestApp, building: AreaRow, tags: string[] = []) {
  const h = await buildHousehold(ctx.t.db, building, { members: 2, head: { name: '赵立新', tags } });
  const u = await buildUser(ctx.t.db, 'resident', { areaId: building.id });
  await ctx.t.db.update(users).set({ residentId: h.members[0]!.id }).where(eq(users.id, u.id));
  return { household: h, head: h.members[0]!, spouse: h.members[1]!, agent: await signIn(ctx.app, u.username, TEST_PASSWORD) };
}

/** A parking-allocation topic for the households of `compoundId`, closing in an hour. */
export function parkingTopic(areaId: string, extra: Record<string, unknown> = {}) {
  return {
    title: '地面车位分配方案',
    kind: 'parking',
    eligibility: 'compound_households',
    areaId,
    options: [
      { key: 'lottery', label: '摇号分配' },
      { key: 'rotation', label: '按季度轮换' },
    ],
    quorum: 2,
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    ...extra,
  };
}
