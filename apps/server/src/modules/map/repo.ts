import { PARTY_MEMBER_CODES, type ResponsibleRole, type Tenure } from '@linli/contracts';
import { type SQL, and, asc, eq, or, sql } from 'drizzle-orm';
import { scopeFieldsOf } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { sqlList } from '../../db/sql-list.js';
import type { StaffRoles } from './policy.js';
import { areaNodes, households, residents, roleAssignments, users } from '../../db/schema/index.js';
import { buildingPostHolders } from '../posts/repo.js';

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
  ...scopeFieldsOf(areaNodes),
  mapX: areaNodes.mapX,
  mapY: areaNodes.mapY,
};

export async function findMapNode(db: Conn, id: string): Promise<MapNodeRow | undefined> {
  const [row] = await db.select(NODE_FIELDS).from(areaNodes).where(eq(areaNodes.id, id));
  return row;
}

/** The political codes counted as party members, as a list of bound parameters. */
export const PARTY = sqlList(PARTY_MEMBER_CODES);
const isParty = sql`${residents.political} in ${PARTY}`;
const isElderly = sql`${residents.birthDate} <= current_date - interval '60 years'`;
const countWhere = (cond: SQL) => sql<number>`(count(${residents.id}) filter (where ${cond}))::int`;

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

/** Staff holding the building's role on it or the grid's role on its grid, then the residents' posts. */
export async function listResponsible(db: Conn, building: { id: string; gridId: string | null }, roles: StaffRoles): Promise<PersonRow[]> {
  const onBuilding = and(eq(roleAssignments.role, roles.building), eq(roleAssignments.areaId, building.id));
  const onGrid = building.gridId ? and(eq(roleAssignments.role, roles.grid), eq(roleAssignments.areaId, building.gridId)) : undefined;
  const [staff, posts] = await Promise.all([
    db
      .select({ role: roleAssignments.role, name: users.displayName, userId: users.id })
      .from(roleAssignments)
      .innerJoin(users, and(eq(users.id, roleAssignments.userId), eq(users.active, true)))
      .where(or(onBuilding, onGrid))
      .orderBy(asc(users.displayName)),
    // the posts (设岗定责) held on the building: assigning one in the console shows here at once
    buildingPostHolders(db, building.id),
  ]);
  return [
    ...staff.map((s) => ({
      source: 'user' as const,
      role: s.role as ResponsibleRole,
      name: s.name,
      userId: s.userId,
      residentId: null,
      unitNo: null,
      flatNo: null,
    })),
    ...posts.map((p) => ({ source: 'post' as const, ...p, userId: null })),
  ];
}
