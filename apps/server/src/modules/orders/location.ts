import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, flats, households } from '../../db/schema/index.js';
import { addressText } from '../registry/presenter.js';
import type { OrderLocation } from './record.js';

type Conn = Db | Tx;

const community = alias(areaNodes, 'cm');
const compound = alias(areaNodes, 'cp');
const building = alias(areaNodes, 'bd');

/** Where an order about a household happens: its area ids, flat and the address text ("绿扬新苑一区 12幢 2单元 301"). */
export async function locationOfHousehold(db: Conn, householdId: string): Promise<OrderLocation | null> {
  const [row] = await db
    .select({
      districtId: households.districtId,
      streetId: households.streetId,
      communityId: households.communityId,
      compoundId: households.compoundId,
      gridId: households.gridId,
      buildingId: households.buildingId,
      flatId: households.flatId,
      status: households.status,
      communityName: community.name,
      compoundName: compound.name,
      buildingName: building.name,
      unitNo: flats.unitNo,
      flatNo: flats.flatNo,
    })
    .from(households)
    .innerJoin(community, eq(community.id, households.communityId))
    .leftJoin(compound, eq(compound.id, households.compoundId))
    .leftJoin(building, eq(building.id, households.buildingId))
    .leftJoin(flats, eq(flats.id, households.flatId))
    .where(eq(households.id, householdId));
  if (!row || row.status !== 'active') return null;
  return {
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
  };
}

/** Where an order about a whole building happens (a desk call without a household, a meeting decision). */
export async function locationOfBuilding(db: Conn, buildingId: string): Promise<OrderLocation | null> {
  const [row] = await db
    .select({ node: building, compoundName: compound.name, communityName: community.name })
    .from(building)
    .innerJoin(community, eq(community.id, building.communityId))
    .leftJoin(compound, eq(compound.id, building.compoundId))
    .where(eq(building.id, buildingId));
  if (!row || row.node.kind !== 'building') return null;
  const n = row.node;
  return {
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
  };
}

/** A community as the place of an order, with the address text the desk typed (or the community's name). */
export async function locationOfCommunity(db: Conn, communityId: string, address?: string): Promise<OrderLocation | null> {
  const [n] = await db.select().from(areaNodes).where(eq(areaNodes.id, communityId));
  if (!n || n.kind !== 'community') return null;
  return {
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
  };
}
