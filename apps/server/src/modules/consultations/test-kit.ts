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

/** Makes `household` the owner of its flat, with the flat's floor area (m²): one exclusive part of an owners' vote. */
export async function ownFlat(ctx: TestApp, household: { id: string; flatId: string | null }, areaM2: number) {
  await ctx.t.pool.query(`UPDATE flats SET floor_area_m2 = $2 WHERE id = $1`, [household.flatId, areaM2]);
  await ctx.t.pool.query(
    `INSERT INTO flat_owners (flat_id, household_id, community_id, street_id, district_id)
     SELECT f.id, $2, f.community_id, f.street_id, f.district_id FROM flats f WHERE f.id = $1`,
    [household.flatId, household.id],
  );
}

/** An owner household of `building` with a portal account, owning its flat of `areaM2` m². */
export async function ownerHousehold(ctx: TestApp, building: AreaRow, areaM2 = 100) {
  const r = await residentHousehold(ctx, building);
  await ownFlat(ctx, r.household, areaM2);
  return r;
}

/** An owners' vote (choosing the property company) for the owners of `areaId`, closing in an hour. */
export function ownersTopic(areaId: string, extra: Record<string, unknown> = {}) {
  return parkingTopic(areaId, {
    title: '续聘物业公司',
    kind: 'property_selection',
    eligibility: 'owners',
    options: [
      { key: 'yes', label: '同意续聘' },
      { key: 'no', label: '不同意' },
    ],
    quorum: 1,
    ...extra,
  });
}
