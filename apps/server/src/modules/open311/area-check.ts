import type { Db, Tx } from '../../db/pool.js';
import { findStreetBox } from './repo-bounds.js';
import { badRequest } from './respond.js';

/** Where the installation serves when a street has no box recorded: mainland China's extent, so swapped or zero coordinates still fail. */
export const CHINA_BOUNDS = { south: 18, west: 73.5, north: 53.6, east: 135.1 } as const;

/**
 * Coordinates a client sends must lie inside the key's street (its recorded box, else China's extent); otherwise
 * 400 naming the box, so the client sees at once that it sent the wrong place (or lat and long swapped).
 */
export async function checkInStreet(db: Db | Tx, streetId: string, lat: number | undefined, long: number | undefined): Promise<void> {
  if (lat === undefined || long === undefined) return;
  const { name, box } = await findStreetBox(db, streetId);
  const b = box ?? CHINA_BOUNDS;
  if (lat >= b.south && lat <= b.north && long >= b.west && long <= b.east) return;
  const where = box ? `the area of ${name || 'this street'}` : 'the area this installation serves';
  throw badRequest(`lat/long: (${lat}, ${long}) lies outside ${where} (lat ${b.south} to ${b.north}, long ${b.west} to ${b.east})`);
}
