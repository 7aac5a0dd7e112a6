import type { Db, Tx } from '../../db/pool.js';
import { hashApiKey } from './key-hash.js';
import { type KeyRow, findLiveKeyByHash, touchKey } from './repo-keys.js';
import { type O311ServiceRow, findActiveService } from './repo-services.js';
import { badKey, missing } from './respond.js';

/** Where an Open311 call may look: the key's street, or everything when no key was given (public reads). */
export type O311Scope = { key: KeyRow | null; streetId: string | null };

/** A given key must be live (403 otherwise) and gets its last use stamped; no key means the public view. */
export async function scopeOfKey(db: Db | Tx, apiKey: string | undefined): Promise<O311Scope> {
  if (apiKey === undefined || apiKey === '') return { key: null, streetId: null };
  const key = await findLiveKeyByHash(db, hashApiKey(apiKey));
  if (!key) throw badKey();
  await touchKey(db, key.id);
  return { key, streetId: key.streetId };
}

/** POST needs a live key. */
export async function requireKey(db: Db | Tx, apiKey: string | undefined): Promise<KeyRow> {
  const { key } = await scopeOfKey(db, apiKey);
  if (!key) throw badKey();
  return key;
}

/** One active service by its Open311 code within the scope; 404 (in Open311's error shape) otherwise. */
export async function findO311Service(db: Db | Tx, scope: O311Scope, code: string): Promise<O311ServiceRow> {
  const row = await findActiveService(db, scope.streetId, code);
  if (!row) throw missing(`service_code ${code}`);
  return row;
}
