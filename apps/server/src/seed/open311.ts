import type { Tx } from '../db/pool.js';
import { areaBounds, type open311Keys } from '../db/schema/index.js';
import { storedKeyFields } from '../modules/open311/key-hash.js';
import type { SeedNode } from './areas.js';
import type { Rng } from './rng.js';

/**
 * The demo's Open311 API key for Green Yangyuan: only its hash and prefix are stored, so the plain key is the one
 * the server prints at start (LINLI_DEMO_OPEN311_KEY, or the fixed default).
 */
export function demoOpen311KeyRow(rng: Rng, key: string, community: SeedNode, createdBy: string | null): typeof open311Keys.$inferInsert {
  return {
    id: rng.uuid(),
    name: '演示客户端 (demo client)',
    ...storedKeyFields(key, community),
    createdBy,
  };
}

/**
 * The box of 竹西街道 (Zhuxi street, Yangzhou) that Open311 checks client coordinates against: it holds the demo's
 * Open311 orders (32.405–32.415 N, 119.395–119.405 E) with a margin of about two kilometres.
 */
export const DEMO_STREET_BOUNDS = { south: 32.385, west: 119.375, north: 32.435, east: 119.425 } as const;

export async function insertDemoStreetBounds(tx: Tx, street: SeedNode): Promise<void> {
  await tx.insert(areaBounds).values({ areaId: street.id, ...DEMO_STREET_BOUNDS });
}
