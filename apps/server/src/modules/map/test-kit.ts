import type { Db } from '../../db/pool.js';
import { flats, households, postHolders, posts, residents } from '../../db/schema/index.js';
import type { AreaRow } from '../../testing/index.js';

type Resident = Partial<typeof residents.$inferInsert> & { name: string };

/** Rows for map tests: flats of a building, households with members, posts. Scope ids follow the building. */
export function mapRows(db: Db, building: AreaRow) {
  const scope = { communityId: building.communityId!, streetId: building.streetId!, districtId: building.districtId! };
  return {
    async flat(unitNo: number, floorNo: number, position: number) {
      const flatNo = `${floorNo}${String(position).padStart(2, '0')}`;
      const [row] = await db
        .insert(flats)
        .values({ ...scope, buildingId: building.id, gridId: building.gridId, unitNo, floorNo, position, flatNo })
        .returning();
      return row!;
    },
    async household(flatId: string | null, over: Partial<typeof households.$inferInsert>, members: Resident[]) {
      const [h] = await db
        .insert(households)
        .values({ ...scope, flatId, buildingId: building.id, gridId: building.gridId, compoundId: building.compoundId, ...over })
        .returning();
      if (members.length > 0)
        await db.insert(residents).values(
          members.map((m) => ({
            ...scope,
            householdId: h!.id,
            gridId: building.gridId,
            buildingId: building.id,
            nameInitials: 'x',
            ...m,
          })),
        );
      return h!;
    },
    /** a post held on the building (设岗定责), as the posts module stores it */
    async post(residentId: string, post: 'building_leader' | 'red_post') {
      const kind = post === 'red_post' ? 'red_post_keeper' : 'building_leader';
      const where = { ...scope, areaId: building.id, buildingId: building.id, gridId: building.gridId, compoundId: building.compoundId };
      const [p] = await db
        .insert(posts)
        .values({ ...where, kind, title: kind, duties: '' })
        .returning({ id: posts.id });
      await db.insert(postHolders).values({ ...scope, postId: p!.id, residentId, status: 'active' });
    },
  };
}
