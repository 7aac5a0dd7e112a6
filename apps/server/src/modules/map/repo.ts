import { PARTY_MEMBER_CODES, type ResponsibleRole, type Role, type Tenure } from '@linli/contracts';
import { type SQL, and, asc, eq, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, buildingPosts, flats, households, residents, roleAssignments, users } from '../../db/schema/index.js';

export type Conn = Db | Tx;

export type MapNodeRow = Pick<
  typeof areaNodes.$inferSelect,
  'id' | 'kind' | 'code' | 'name' | 'districtId' | 'streetId' | 'communityId' | 'compoundId' | 'gridId' | 'buildingId' | 'mapX' | 'mapY'
>;

const NODE_FIELDS = {
  id: areaNodes.id,
  kind: areaNodes.kind,
  code: areaNodes.code,
  name: areaNodes.name,
  districtId: areaNodes.districtId,
  streetId: areaNodes.streetId,
  communityId: areaNodes.communityId,
  compoundId: areaNodes.compoundId,
  gridId: areaNodes.gridId,
  buildingId: areaNodes.buildingId,
  mapX: areaNodes.mapX,
  mapY: areaNodes.mapY,
};

export async function findMapNode(db: Conn, id: string): Promise<MapNodeRow | undefined> {
  const [row] = await db.select(NODE_FIELDS).from(areaNodes).where(eq(areaNodes.id, id));
  return row;
}

/** The political codes counted as party members, as an SQL list. */
export const PARTY = sql.raw(`(${PARTY_MEMBER_CODES.map((c) => `'${c}'`).join(', ')})`);
const isParty = sql`${residents.political} in ${PARTY}`;
const isElderly = sql`${residents.birthDate} <= current_date - interval '60 years'`;
const countWhere = (cond: SQL) => sql<number>`(count(${residents.id}) filter (where ${cond}))::int`;

export type FlatRow = { id: string; unitNo: number; floorNo: number; position: number; flatNo: string };

export function listBuildingFlats(db: Conn, buildingId: string): Promise<FlatRow[]> {
  return db
    .select({ id: flats.id, unitNo: flats.unitNo, floorNo: flats.floorNo, position: flats.position, flatNo: flats.flatNo })
    .from(flats)
    .where(eq(flats.buildingId, buildingId))
    .orderBy(asc(flats.unitNo), asc(flats.floorNo), asc(flats.position));
}

/** One active household of a building with what every map layer needs. */
export type HouseholdSummaryRow = {
  id: string;
  flatId: string | null;
  tenure: Tenure;
  tags: string[];
  members: number;
  registered: number;
  floating: number;
  away: number;
  overseas: number;
  partyMembers: number;
  volunteers: number;
  elderly: number;
  headName: string | null;
};

/** The active households of a building, oldest first, each with its members counted in one pass. */
export async function listHouseholdSummaries(db: Conn, buildingId: string): Promise<HouseholdSummaryRow[]> {
  const rows = await db
    .select({
      id: households.id,
      flatId: households.flatId,
      tenure: households.tenure,
      tags: households.tags,
      // members' tags, comma-joined (tag codes hold no commas): a join aggregate instead of a subquery per household
      memberTags: sql<string | null>`string_agg(array_to_string(${residents.tags}, ','), ',')`,
      members: sql<number>`count(${residents.id})::int`,
      registered: countWhere(sql`${residents.residentType} = 'registered'`),
      floating: countWhere(sql`${residents.residentType} = 'floating'`),
      away: countWhere(sql`${residents.residentType} = 'away'`),
      overseas: countWhere(sql`${residents.residentType} = 'overseas'`),
      partyMembers: countWhere(isParty),
      volunteers: countWhere(sql`${residents.volunteer}`),
      elderly: countWhere(isElderly),
      // GB/T 4761: 02 is the household head, 01 "self" in registers that list the head that way
      headName: sql<string | null>`(array_agg(${residents.name} order by case ${residents.relation}
        when '02' then 0 when '01' then 1 else 2 end, ${residents.birthDate}) filter (where ${residents.id} is not null))[1]`,
    })
    .from(households)
    // the building condition on residents lets the planner use their building index rather than scan every resident
    .leftJoin(
      residents,
      and(eq(residents.householdId, households.id), eq(residents.buildingId, buildingId), eq(residents.status, 'active')),
    )
    .where(and(eq(households.buildingId, buildingId), eq(households.status, 'active')))
    .groupBy(households.id)
    .orderBy(asc(households.createdAt), asc(households.id));
  return rows.map(({ memberTags, ...r }) => ({
    ...r,
    tenure: r.tenure as Tenure,
    tags: [...new Set([...r.tags, ...(memberTags ? memberTags.split(',').filter(Boolean) : [])])].sort(),
  }));
}

export type PersonRow = {
  source: 'user' | 'post';
  role: ResponsibleRole;
  name: string;
  userId: string | null;
  residentId: string | null;
  unitNo: number | null;
  flatNo: string | null;
};

/** Building leaders and grid workers holding the role on the building or its grid, then the residents' posts. */
export async function listResponsible(db: Conn, building: { id: string; gridId: string | null }): Promise<PersonRow[]> {
  const onBuilding = and(eq(roleAssignments.role, 'building_leader' satisfies Role), eq(roleAssignments.areaId, building.id));
  const onGrid = building.gridId
    ? and(eq(roleAssignments.role, 'grid_worker' satisfies Role), eq(roleAssignments.areaId, building.gridId))
    : undefined;
  const [staff, posts] = await Promise.all([
    db
      .select({ role: roleAssignments.role, name: users.displayName, userId: users.id })
      .from(roleAssignments)
      .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.active, true)))
      .where(or(onBuilding, onGrid))
      .orderBy(asc(users.displayName)),
    db
      .select({ role: buildingPosts.post, name: residents.name, residentId: residents.id, unitNo: flats.unitNo, flatNo: flats.flatNo })
      .from(buildingPosts)
      .innerJoin(residents, and(eq(residents.id, buildingPosts.residentId), eq(residents.status, 'active')))
      .leftJoin(households, eq(households.id, residents.householdId))
      // a red-post member may live in another building of the grid: then no flat is shown
      .leftJoin(flats, and(eq(flats.id, households.flatId), eq(flats.buildingId, building.id)))
      .where(eq(buildingPosts.buildingId, building.id))
      .orderBy(asc(buildingPosts.post), asc(residents.name)),
  ]);
  return [
    ...staff.map((s) => ({
      source: 'user' as const,
      role: s.role as 'building_leader' | 'grid_worker',
      name: s.name,
      userId: s.userId,
      residentId: null,
      unitNo: null,
      flatNo: null,
    })),
    ...posts.map((p) => ({ source: 'post' as const, ...p, userId: null })),
  ];
}
