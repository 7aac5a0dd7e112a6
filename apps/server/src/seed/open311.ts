import type { open311Keys } from '../db/schema/index.js';
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
