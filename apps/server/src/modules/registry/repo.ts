import { HEAD_RELATIONS } from '@linli/contracts';
import { type SQL, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type AnyPgColumn, type PgSelect, alias } from 'drizzle-orm/pg-core';
import { scopeFieldsOf } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { preparedOn } from '../../db/prepared.js';
import { sqlList } from '../../db/sql-list.js';
import { areaNodes, flats, households, registryHistory, residents } from '../../db/schema/index.js';

type Conn = Db | Tx;

const community = alias(areaNodes, 'cm');
const compound = alias(areaNodes, 'cp');
const building = alias(areaNodes, 'bd');
const grid = alias(areaNodes, 'gd');

const ADDRESS = {
  communityId: households.communityId,
  communityName: community.name,
  compoundId: households.compoundId,
  compoundName: compound.name,
  buildingId: households.buildingId,
  buildingName: building.name,
  gridId: households.gridId,
  gridName: grid.name,
  flatId: households.flatId,
  unitNo: flats.unitNo,
  flatNo: flats.flatNo,
};
export type AddressRow = {
  communityId: string;
  communityName: string;
  compoundId: string | null;
  compoundName: string | null;
  buildingId: string | null;
  buildingName: string | null;
  gridId: string | null;
  gridName: string | null;
  flatId: string | null;
  unitNo: number | null;
  flatNo: string | null;
};

/** Joins what ADDRESS reads to a query over households: community, flat, building, compound and grid. */
function joinAddress<Q extends PgSelect>(q: Q) {
  return q
    .innerJoin(community, eq(community.id, households.communityId))
    .leftJoin(flats, eq(flats.id, households.flatId))
    .leftJoin(building, eq(building.id, households.buildingId))
    .leftJoin(compound, eq(compound.id, households.compoundId))
    .leftJoin(grid, eq(grid.id, households.gridId));
}

/** A resident's coded register entries (sex, relation, political status, ethnicity), birth date and residence type. */
export const RESIDENT_REGISTER = {
  sex: residents.sex,
  birthDate: residents.birthDate,
  relation: residents.relation,
  political: residents.political,
  ethnicity: residents.ethnicity,
  residentType: residents.residentType,
};

const RESIDENT = {
  id: residents.id,
  householdId: residents.householdId,
  ...scopeFieldsOf(residents),
  compoundId: households.compoundId,
  name: residents.name,
  idNumberEnc: residents.idNumberEnc,
  idTail: residents.idTail,
  phoneEnc: residents.phoneEnc,
  phoneTail: residents.phoneTail,
  ...RESIDENT_REGISTER,
  status: residents.status,
  tags: residents.tags,
  volunteer: residents.volunteer,
  note: residents.note,
  movedInOn: residents.movedInOn,
  movedOutOn: residents.movedOutOn,
  diedOn: residents.diedOn,
};
export type ResidentRow = Pick<typeof residents.$inferSelect, Exclude<keyof typeof RESIDENT, 'compoundId'>> & {
  compoundId: string | null;
};
export type ResidentWithAddress = ResidentRow & { address: AddressRow };

const IDS = sql.placeholder('ids');
const anyId = (column: AnyPgColumn) => sql`${column} = any(${IDS}::uuid[])`;

function residentsQuery(db: Conn, where: SQL) {
  return joinAddress(
    db
      .select({ ...RESIDENT, address: ADDRESS })
      .from(residents)
      .innerJoin(households, eq(households.id, residents.householdId))
      .$dynamic(),
  )
    .where(where)
    .orderBy(asc(residents.relation), asc(residents.id));
}

/** Residents with their household's address, by any condition on residents or households; in address order. */
export async function loadResidents(db: Conn, where: SQL): Promise<ResidentWithAddress[]> {
  return (await residentsQuery(db, where)) as ResidentWithAddress[];
}

export async function findResident(db: Conn, id: string): Promise<ResidentWithAddress | undefined> {
  const [row] = await loadResidents(db, eq(residents.id, id));
  return row;
}

const residentsByIds = preparedOn((db: Conn) => residentsQuery(db, anyId(residents.id)).prepare('registry_residents_by_ids'));

/** Residents in the order of `ids` (a search page). */
export async function loadResidentsByIds(db: Conn, ids: string[]): Promise<ResidentWithAddress[]> {
  if (ids.length === 0) return [];
  const rows = (await residentsByIds(db).execute({ ids })) as ResidentWithAddress[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function loadMembers(db: Conn, householdId: string): Promise<ResidentWithAddress[]> {
  return loadResidents(db, eq(residents.householdId, householdId));
}

/** History entries, newest first: a resident's own, or a household's with its members'. */
export function listHistory(db: Conn, of: { residentId: string } | { householdId: string }) {
  const where =
    'residentId' in of
      ? and(eq(registryHistory.entityType, 'resident'), eq(registryHistory.entityId, of.residentId))
      : eq(registryHistory.householdId, of.householdId);
  return db.select().from(registryHistory).where(where).orderBy(desc(registryHistory.id)).limit(500);
}

const HOUSEHOLD = {
  id: households.id,
  ...scopeFieldsOf(households),
  flatId: households.flatId,
  tenure: households.tenure,
  tags: households.tags,
  status: households.status,
  movedInOn: households.movedInOn,
  movedOutOn: households.movedOutOn,
  createdAt: households.createdAt,
};
export type HouseholdRow = Pick<typeof households.$inferSelect, keyof typeof HOUSEHOLD>;
export type HouseholdWithAddress = HouseholdRow & { address: AddressRow; headName: string | null; memberCount: number };

/** Households with address, head and member count, by the placeholder `ids`; prepared once per connection handle. */
const householdsByIds = preparedOn((db: Conn) => {
  // active members counted and the head's name picked for these households only
  const stats = db
    .select({
      householdId: residents.householdId,
      memberCount: sql<number>`(count(*) filter (where ${residents.status} = 'active'))::int`.as('member_count'),
      headName: sql<string | null>`(array_agg(${residents.name} order by ${residents.relation} desc, ${residents.id})
        filter (where ${residents.status} = 'active' and ${residents.relation} in ${sqlList(HEAD_RELATIONS)}))[1]`.as('head_name'),
    })
    .from(residents)
    .where(anyId(residents.householdId))
    .groupBy(residents.householdId)
    .as('stats');
  return joinAddress(
    db
      .select({ ...HOUSEHOLD, address: ADDRESS, headName: stats.headName, memberCount: stats.memberCount })
      .from(households)
      .$dynamic(),
  )
    .leftJoin(stats, eq(stats.householdId, households.id))
    .where(anyId(households.id))
    .prepare('registry_households_by_ids');
});

/** Households with address, head and member count, in the order of `ids`. */
export async function loadHouseholds(db: Conn, ids: string[]): Promise<HouseholdWithAddress[]> {
  if (ids.length === 0) return [];
  const rows = await householdsByIds(db).execute({ ids });
  const byId = new Map(rows.map((r) => [r.id, { ...r, memberCount: r.memberCount ?? 0 } as HouseholdWithAddress]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findHousehold(db: Conn, id: string): Promise<HouseholdWithAddress | undefined> {
  const [row] = await loadHouseholds(db, [id]);
  return row;
}

/** The household row, locked for the rest of the transaction. */
export async function lockHousehold(tx: Tx, id: string): Promise<HouseholdRow | undefined> {
  const [row] = await tx.select(HOUSEHOLD).from(households).where(eq(households.id, id)).for('update');
  return row;
}

/** The resident row with its household's compound, both locked for the rest of the transaction. */
export async function lockResident(tx: Tx, id: string): Promise<ResidentRow | undefined> {
  const [row] = await tx
    .select(RESIDENT)
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(eq(residents.id, id))
    .for('update');
  return row;
}

/** A flat with the scope ids of its building, locked in share mode (it must not vanish under a new household). */
export async function lockFlat(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: flats.id,
      unitNo: flats.unitNo,
      flatNo: flats.flatNo,
      buildingId: flats.buildingId,
      buildingName: areaNodes.name,
      districtId: flats.districtId,
      streetId: flats.streetId,
      communityId: flats.communityId,
      compoundId: areaNodes.compoundId,
      gridId: areaNodes.gridId,
    })
    .from(flats)
    .innerJoin(areaNodes, eq(areaNodes.id, flats.buildingId))
    .where(eq(flats.id, id))
    .for('share', { of: flats });
  return row;
}
export type FlatRow = NonNullable<Awaited<ReturnType<typeof lockFlat>>>;

/** An area node's kind and scope ids, for the areaId filter. */
export async function findAreaNode(db: Conn, id: string) {
  const [row] = await db
    .select({
      id: areaNodes.id,
      kind: areaNodes.kind,
      ...scopeFieldsOf(areaNodes),
    })
    .from(areaNodes)
    .where(eq(areaNodes.id, id));
  return row;
}
export type AreaNodeRef = NonNullable<Awaited<ReturnType<typeof findAreaNode>>>;

/** Another active resident of the district holding this ID number (by keyed hash). */
export async function idNumberTaken(tx: Conn, districtId: string, hash: string, exceptId?: string): Promise<boolean> {
  const conds = [eq(residents.districtId, districtId), eq(residents.idNumberHash, hash), eq(residents.status, 'active')];
  if (exceptId) conds.push(sql`${residents.id} <> ${exceptId}`);
  const rows = await tx
    .select({ id: residents.id })
    .from(residents)
    .where(and(...conds))
    .limit(1);
  return rows.length > 0;
}

/** Whether another active member of the household is its head. */
export async function otherHeadExists(tx: Conn, householdId: string, exceptId: string | null): Promise<boolean> {
  const rows = await tx
    .select({ id: residents.id })
    .from(residents)
    .where(
      and(
        eq(residents.householdId, householdId),
        eq(residents.status, 'active'),
        inArray(residents.relation, [...HEAD_RELATIONS]),
        exceptId ? sql`${residents.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}
