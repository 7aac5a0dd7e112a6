import type { Db, Tx } from '../../db/pool.js';
import { hashApiKey } from './key-hash.js';
import { type KeyRow, findLiveKeyByHash, touchKey } from './keys-repo.js';
import { badKey } from './respond.js';

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
