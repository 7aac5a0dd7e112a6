import { createHmac } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type PiiKeys, createPii, normalisePii } from '../core/pii.js';
import type { Db, Tx } from '../db/pool.js';
import { type SealedTable, ident, keyIdsInUse, rowsOf, sealedTables } from './sealed-columns.js';

export type RekeyReport = {
  currentKeyId: string;
  /** values re-encrypted, per table.column */
  rekeyed: Record<string, number>;
  /** lookup hashes recomputed, per table.column */
  rehashed: Record<string, number>;
  /** values no loaded key opens (their key id is not in LINLI_SECRET_KEY or _PREVIOUS), per table.column */
  unreadable: Record<string, number>;
  /** key ids other than the current one still sealing values: where and how many */
  oldKeysInUse: Record<string, Record<string, number>>;
};

const add = (m: Record<string, number>, k: string, n = 1) => (m[k] = (m[k] ?? 0) + n);
const keyIdOf = (buf: Buffer) => buf.subarray(1, 5).toString('hex');

/** The lookup hash of `plain` under one key generation, as core/pii.ts computes it for the current one. */
const hashUnder = (hashKey: Buffer, plain: string) => createHmac('sha256', hashKey).update(normalisePii(plain), 'utf8').digest('base64url');

/** A row of `t` holds a value sealed by another key than the current one. */
const stale = (t: SealedTable, current: Buffer) =>
  sql.join(
    t.columns.map((c) => sql`(${ident(c.enc)} IS NOT NULL AND substring(${ident(c.enc)} FROM 2 FOR 4) <> ${current})`),
    sql` OR `,
  );

/** The next batch of such rows after `after` (primary key order), locked until the batch's transaction ends. */
function staleBatch(t: SealedTable, current: Buffer, after: string | null, limit: number): SQL {
  const named = t.columns.flatMap((c) => [ident(c.enc), ...(c.hash ? [ident(c.hash)] : [])]);
  const cols = sql.join([sql`${ident(t.key)}::text AS pk`, ...named], sql`, `);
  const from = after === null ? sql`true` : sql`${ident(t.key)}::text > ${after}`;
  return sql`SELECT ${cols} FROM ${ident(t.table)} WHERE ${from} AND (${stale(t, current)})
    ORDER BY ${ident(t.key)}::text LIMIT ${limit} FOR UPDATE`;
}

/**
 * Re-encrypts every sealed value with the current key, batch by batch (one transaction each): opens each with the
 * key its header names, seals it again, recomputes its lookup hash. Idempotent: values already under the current
 * key are not touched, so an interrupted run is simply run again.
 */
export async function rekeyAll(db: Db, keys: PiiKeys, opts: { batch?: number; log: (line: string) => void }): Promise<RekeyReport> {
  const pii = createPii(keys);
  const batch = opts.batch ?? 500;
  const current = keys.current.id;
  const report: RekeyReport = { currentKeyId: current.toString('hex'), rekeyed: {}, rehashed: {}, unreadable: {}, oldKeysInUse: {} };
  const tables = await sealedTables(db);
  for (const t of tables) {
    const [{ n: total } = { n: 0 }] = await rowsOf<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM ${ident(t.table)} WHERE ${stale(t, current)}`,
    );
    if (total === 0) continue;
    opts.log(`${t.table}: ${total} rows to re-key`);
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const rows: Record<string, unknown>[] = await db.transaction(async (tx) => {
        const found = await rowsOf<Record<string, unknown>>(tx, staleBatch(t, current, after, batch));
        for (const row of found) await rekeyRow(tx, t, row, { pii, keys, report });
        return found;
      });
      if (rows.length === 0) break;
      after = String(rows[rows.length - 1]!.pk);
      done += rows.length;
      opts.log(`${t.table}: ${done}/${total}`);
    }
  }
  for (const [keyId, where] of await keyIdsInUse(db, tables))
    if (keyId !== report.currentKeyId) report.oldKeysInUse[keyId] = Object.fromEntries(where);
  return report;
}

type RowEnv = { pii: ReturnType<typeof createPii>; keys: PiiKeys; report: RekeyReport };

async function rekeyRow(tx: Tx, t: SealedTable, row: Record<string, unknown>, env: RowEnv) {
  const sets: SQL[] = [];
  for (const c of t.columns) {
    const enc = row[c.enc];
    if (!Buffer.isBuffer(enc) || enc.subarray(1, 5).equals(env.keys.current.id)) continue;
    const where = `${t.table}.${c.enc}`;
    let plain: string;
    try {
      plain = env.pii.decrypt(enc);
    } catch {
      add(env.report.unreadable, where);
      continue;
    }
    sets.push(sql`${ident(c.enc)} = ${env.pii.encrypt(plain)}`);
    add(env.report.rekeyed, where);
    if (!c.hash) continue;
    // the hash is rewritten only when it is this value's lookup hash under the key that sealed it (or the current one)
    const old = env.keys.previous.find((k) => k.id.toString('hex') === keyIdOf(enc));
    const fresh = env.pii.lookupHash(plain);
    const h = (row[c.hash] as string | null) ?? null;
    if (h !== fresh && (h === null || (old && h === hashUnder(old.hashKey, plain)))) {
      sets.push(sql`${ident(c.hash)} = ${fresh}`);
      add(env.report.rehashed, `${t.table}.${c.hash}`);
    }
  }
  if (sets.length > 0)
    await tx.execute(sql`UPDATE ${ident(t.table)} SET ${sql.join(sets, sql`, `)} WHERE ${ident(t.key)}::text = ${row.pk}`);
}
