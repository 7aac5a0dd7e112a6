import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { areaBounds, areaNodes } from '../../db/schema/index.js';

export type Box = { south: number; west: number; north: number; east: number };

/** A street's name and its recorded box (null when none is recorded). */
export async function findStreetBox(db: Db | Tx, streetId: string): Promise<{ name: string; box: Box | null }> {
  const [row] = await db
    .select({ name: areaNodes.name, south: areaBounds.south, west: areaBounds.west, north: areaBounds.north, east: areaBounds.east })
    .from(areaNodes)
    .leftJoin(areaBounds, eq(areaBounds.areaId, areaNodes.id))
    .where(eq(areaNodes.id, streetId));
  if (!row) return { name: '', box: null };
  const { name, south, west, north, east } = row;
  return { name, box: south === null || west === null || north === null || east === null ? null : { south, west, north, east } };
}
