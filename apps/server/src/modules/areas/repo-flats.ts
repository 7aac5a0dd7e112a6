import { asc, count, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { flats, households, residents } from '../../db/schema/index.js';
import type { AreaRow } from './repo.js';
import type { ExistingFlat, PlannedFlat } from './layout-plan.js';

export type FlatRow = ExistingFlat & { householdCount: number };

const FLAT = { id: flats.id, unitNo: flats.unitNo, floorNo: flats.floorNo, flatNo: flats.flatNo, position: flats.position };
const LAYOUT_ORDER = [asc(flats.unitNo), asc(flats.floorNo), asc(flats.position)];

/** A building's flats in unit, floor, position order. */
export function listBuildingFlats(db: Db | Tx, buildingId: string): Promise<ExistingFlat[]> {
  return db
    .select(FLAT)
    .from(flats)
    .where(eq(flats.buildingId, buildingId))
    .orderBy(...LAYOUT_ORDER);
}

/** A building's flats in unit, floor, position order, each with the number of households in it. */
export async function listFlats(db: Db | Tx, buildingId: string): Promise<FlatRow[]> {
  return db
    .select({ ...FLAT, householdCount: count(households.id) })
    .from(flats)
    .leftJoin(households, eq(households.flatId, flats.id))
    .where(eq(flats.buildingId, buildingId))
    .groupBy(flats.id)
    .orderBy(...LAYOUT_ORDER);
}

// PostgreSQL takes at most 65,535 parameters per statement; a plan may hold 100k flats.
const CHUNK = 1000;
const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Inserts flats carrying the building's scope ids. */
export async function insertFlats(tx: Tx, building: AreaRow, planned: PlannedFlat[]): Promise<void> {
  for (const part of chunks(planned))
    await tx.insert(flats).values(
      part.map((f) => ({
        ...f,
        buildingId: building.id,
        communityId: building.communityId!,
        streetId: building.streetId!,
        districtId: building.districtId!,
        gridId: building.gridId,
      })),
    );
}

export async function deleteFlats(tx: Tx, ids: string[]): Promise<void> {
  for (const part of chunks(ids)) await tx.delete(flats).where(inArray(flats.id, part));
}

export async function placeFlat(tx: Tx, f: ExistingFlat): Promise<void> {
  await tx.update(flats).set({ floorNo: f.floorNo, position: f.position }).where(eq(flats.id, f.id));
}

// Flats, households and residents carry their building's grid as a scope key, so a re-grid moves them too.
export async function regridBuildingContents(tx: Tx, buildingId: string, gridId: string): Promise<void> {
  await tx.update(flats).set({ gridId }).where(eq(flats.buildingId, buildingId));
  await tx.update(households).set({ gridId }).where(eq(households.buildingId, buildingId));
  await tx.update(residents).set({ gridId }).where(eq(residents.buildingId, buildingId));
}
