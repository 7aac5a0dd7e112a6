import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { addressText } from '../../core/person.js';
import { scopeFieldsOf } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { preparedOn } from '../../db/prepared.js';
import { areaNodes, flats, households, residents, services } from '../../db/schema/index.js';
import type { OrderLocation, PlaceNames } from './record.js';
import type { ServiceRow } from './repo.js';

type Conn = Db | Tx;
export type HouseholdRow = typeof households.$inferSelect;
export type FlatRow = typeof flats.$inferSelect;

const community = alias(areaNodes, 'cm');
const compound = alias(areaNodes, 'cp');
const building = alias(areaNodes, 'bd');

/** A place with the service `serviceId` read in the same statement (null for no id or an unknown one). */
export type PlaceAndService = { location: OrderLocation; service: ServiceRow | null };
const placeholders = { id: sql.placeholder('id'), serviceId: sql.placeholder('serviceId') };

const householdPlace = preparedOn((db: Conn) =>
  db
    .select({
      ...scopeFieldsOf(households),
      flatId: households.flatId,
      status: households.status,
      communityName: community.name,
      compoundName: compound.name,
      buildingName: building.name,
      unitNo: flats.unitNo,
      flatNo: flats.flatNo,
      service: services,
    })
    .from(households)
    .innerJoin(community, eq(community.id, households.communityId))
    .leftJoin(compound, eq(compound.id, households.compoundId))
    .leftJoin(building, eq(building.id, households.buildingId))
    .leftJoin(flats, eq(flats.id, households.flatId))
    .leftJoin(services, eq(services.id, placeholders.serviceId))
    .where(eq(households.id, placeholders.id))
    .prepare('linli_place_household'),
);

/** Where an order about a household happens (area ids, flat, "绿扬新苑一区 12幢 2单元 301"), with the service `serviceId`. */
export async function placeOfHousehold(db: Conn, householdId: string, serviceId: string | null): Promise<PlaceAndService | null> {
  const [row] = await householdPlace(db).execute({ id: householdId, serviceId });
  if (!row || row.status !== 'active') return null;
  const location: OrderLocation = {
    districtId: row.districtId,
    streetId: row.streetId,
    communityId: row.communityId,
    compoundId: row.compoundId,
    gridId: row.gridId,
    buildingId: row.buildingId,
    flatId: row.flatId,
    householdId,
    residentId: null,
    address: addressText(row),
    names: placeNames(row),
  };
  return { location, service: row.service };
}

/** Where an order about a household happens: its area ids, flat and the address text. */
export async function locationOfHousehold(db: Conn, householdId: string): Promise<OrderLocation | null> {
  return (await placeOfHousehold(db, householdId, null))?.location ?? null;
}

export function named(pairs: [string | null, string | null][]): [string, string][] {
  return pairs.filter((p): p is [string, string] => p[0] !== null && p[1] !== null);
}

function placeNames(row: {
  communityId: string;
  compoundId: string | null;
  buildingId: string | null;
  flatId: string | null;
  communityName: string;
  compoundName: string | null;
  buildingName: string | null;
  unitNo: number | null;
  flatNo: string | null;
}): PlaceNames {
  const { unitNo, flatNo } = row;
  return {
    areas: named([
      [row.communityId, row.communityName],
      [row.compoundId, row.compoundName],
      [row.buildingId, row.buildingName],
    ]),
    flat: row.flatId && unitNo !== null && flatNo !== null ? { unitNo, flatNo } : null,
  };
}

const buildingPlace = preparedOn((db: Conn) =>
  db
    .select({ node: building, compoundName: compound.name, communityName: community.name, service: services })
    .from(building)
    .innerJoin(community, eq(community.id, building.communityId))
    .leftJoin(compound, eq(compound.id, building.compoundId))
    .leftJoin(services, eq(services.id, placeholders.serviceId))
    .where(eq(building.id, placeholders.id))
    .prepare('linli_place_building'),
);

/** Where an order about a whole building happens (a desk call without a household, a meeting decision). */
export async function placeOfBuilding(db: Conn, buildingId: string, serviceId: string | null): Promise<PlaceAndService | null> {
  const [row] = await buildingPlace(db).execute({ id: buildingId, serviceId });
  if (!row || row.node.kind !== 'building') return null;
  const n = row.node;
  const location: OrderLocation = {
    districtId: n.districtId!,
    streetId: n.streetId!,
    communityId: n.communityId!,
    compoundId: n.compoundId,
    gridId: n.gridId,
    buildingId: n.id,
    flatId: null,
    householdId: null,
    residentId: null,
    address: addressText({ ...row, buildingName: n.name, unitNo: null, flatNo: null }),
    names: {
      areas: named([
        [n.communityId, row.communityName],
        [n.compoundId, row.compoundName],
        [n.id, n.name],
      ]),
      flat: null,
    },
  };
  return { location, service: row.service };
}

export async function locationOfBuilding(db: Conn, buildingId: string): Promise<OrderLocation | null> {
  return (await placeOfBuilding(db, buildingId, null))?.location ?? null;
}

const communityPlace = preparedOn((db: Conn) =>
  db
    .select({ node: areaNodes, service: services })
    .from(areaNodes)
    .leftJoin(services, eq(services.id, placeholders.serviceId))
    .where(eq(areaNodes.id, placeholders.id))
    .prepare('linli_place_community'),
);

/** A community as the place of an order, with the address text the desk typed (or the community's name). */
export async function placeOfCommunity(
  db: Conn,
  communityId: string,
  serviceId: string | null,
  address?: string,
): Promise<PlaceAndService | null> {
  const [row] = await communityPlace(db).execute({ id: communityId, serviceId });
  const n = row?.node;
  if (!n || n.kind !== 'community') return null;
  const location: OrderLocation = {
    districtId: n.districtId!,
    streetId: n.streetId!,
    communityId: n.id,
    compoundId: null,
    gridId: null,
    buildingId: null,
    flatId: null,
    householdId: null,
    residentId: null,
    address: address?.trim() || n.name,
    names: { areas: [[n.id, n.name]], flat: null },
  };
  return { location, service: row.service };
}

export async function locationOfCommunity(db: Conn, communityId: string, address?: string): Promise<OrderLocation | null> {
  return (await placeOfCommunity(db, communityId, null, address))?.location ?? null;
}

/** An active resident with what an order's contact needs. */
export async function findActiveResident(db: Conn, id: string) {
  const [row] = await db
    .select({ id: residents.id, householdId: residents.householdId, name: residents.name, phoneEnc: residents.phoneEnc })
    .from(residents)
    .where(and(eq(residents.id, id), eq(residents.status, 'active')));
  return row ?? null;
}

export async function findHousehold(db: Conn, id: string): Promise<HouseholdRow | undefined> {
  const [row] = await db.select().from(households).where(eq(households.id, id));
  return row;
}

/** The household a resident belongs to (whatever its status). */
export async function householdOfResident(db: Conn, residentId: string): Promise<HouseholdRow | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(households) })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(eq(residents.id, residentId));
  return row;
}

/** A building of the community by its code (Open311's address_id). */
export async function findBuildingByCode(db: Conn, communityId: string, code: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: areaNodes.id })
    .from(areaNodes)
    .where(and(eq(areaNodes.code, code), eq(areaNodes.kind, 'building'), eq(areaNodes.communityId, communityId)));
  return row;
}

/** A flat of the community by its id. */
export async function findFlatOfCommunity(db: Conn, communityId: string, id: string): Promise<FlatRow | undefined> {
  const [row] = await db
    .select()
    .from(flats)
    .where(and(eq(flats.id, id), eq(flats.communityId, communityId)));
  return row;
}
