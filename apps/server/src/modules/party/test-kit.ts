import type { PartyOrgKind, Role } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { partyMembers, partyOrgs, users } from '../../db/schema/index.js';
import {
  type Agent,
  type AreaRow,
  TEST_PASSWORD,
  type TestApp,
  type Tree,
  buildHousehold,
  buildUser,
  signIn,
} from '../../testing/index.js';
import { registryKit } from '../registry/test-kit.js';

/** Test support for the party and posts modules: organisations, members, and members who sign in. */
export function partyKit(ctx: TestApp) {
  const kit = registryKit(ctx);
  const db = () => ctx.t.db;
  const org = async (kind: PartyOrgKind, area: AreaRow, parentId: string | null = null) => {
    const [row] = await db()
      .insert(partyOrgs)
      .values({
        kind,
        name: `${kind} ${area.name}`,
        parentId,
        areaId: area.id,
        communityId: area.communityId!,
        streetId: area.streetId!,
        districtId: area.districtId!,
        compoundId: area.compoundId,
        gridId: area.gridId,
        buildingId: area.buildingId,
      })
      .returning();
    return row!;
  };
  /** A resident of `building` registered as a member of `orgId`. */
  const member = async (
    orgId: string,
    building: AreaRow,
    over: Partial<typeof partyMembers.$inferInsert> & { birthDate?: string } = {},
  ) => {
    const { birthDate, ...rest } = over;
    const h = await buildHousehold(db(), building, { head: { political: '01', ...(birthDate ? { birthDate } : {}) } });
    const resident = h.members[0]!;
    const [row] = await db()
      .insert(partyMembers)
      .values({
        orgId,
        residentId: resident.id,
        communityId: building.communityId!,
        streetId: building.streetId!,
        districtId: building.districtId!,
        ...rest,
      })
      .returning();
    return { ...row!, resident };
  };
  return {
    ...kit,
    org,
    member,
    /** A committee of the tree's community with one branch on its grid. */
    tree: async (t: Tree) => {
      const root = await org('committee', t.community);
      const branch = await org('branch', t.grid, root.id);
      return { root, branch };
    },
    /** Signs in as the person of a resident record (a resident account linked to it). */
    asPerson: async (residentId: string, building: AreaRow, role: Role = 'resident'): Promise<Agent> => {
      const u = await buildUser(db(), role, { areaId: building.id });
      await db().update(users).set({ residentId }).where(eq(users.id, u.id));
      return signIn(ctx.app, u.username, TEST_PASSWORD);
    },
  };
}
