import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/pool.js';
import { ident, rowsOf } from './sealed-columns.js';

/** Row count and checksum of one table: md5 over the sorted md5s of its rows' text. */
export type TableSum = { rows: number; md5: string };
export type SequenceValue = { name: string; value: number | null };

/** Session settings under which a row's text is the same on every server (checksums and the built-in dump). */
export async function fixTextSettings(tx: Tx): Promise<void> {
  await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
  await tx.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
  await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.execute(sql`SET LOCAL extra_float_digits = 1`);
  await tx.execute(sql`SET LOCAL bytea_output = 'hex'`);
}

/** The tables of the public schema, by name. */
export async function publicTables(db: Db | Tx): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Counts and checksums of every public table, in the caller's snapshot (its settings fixed). */
export async function tableSums(db: Db | Tx, tables: string[]): Promise<Record<string, TableSum>> {
  const out: Record<string, TableSum> = {};
  for (const t of tables) {
    const [r] = await rowsOf<TableSum>(
      db,
      sql`SELECT count(*)::int AS rows, coalesce(md5(string_agg(h, '' ORDER BY h)), '') AS md5
          FROM (SELECT md5(x::text) AS h FROM ${ident(t)} x) s`,
    );
    out[t] = r!;
  }
  return out;
}

/** The sequences of the public schema and their last values (null: never used). */
export async function sequenceValues(db: Db | Tx): Promise<SequenceValue[]> {
  return rowsOf<SequenceValue>(
    db,
    sql`SELECT sequencename AS name, last_value::bigint AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  );
}

export async function restoreSequences(tx: Tx, seqs: SequenceValue[]): Promise<void> {
  for (const s of seqs)
    await tx.execute(
      s.value === null
        ? sql`SELECT setval(format('public.%I', ${s.name}::text)::regclass, 1, false)`
        : sql`SELECT setval(format('public.%I', ${s.name}::text)::regclass, ${s.value}, true)`,
    );
}

/** The applied migrations (drizzle's hashes, oldest first); empty when none is recorded. */
export async function appliedMigrations(db: Db | Tx): Promise<string[]> {
  const [has] = await rowsOf<{ t: string | null }>(db, sql`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
  if (!has?.t) return [];
  const rows = await rowsOf<{ hash: string }>(db, sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at, id`);
  return rows.map((r) => r.hash);
}

/** The server's major version (15, 17, …) and full version string. */
export async function serverVersion(db: Db | Tx): Promise<{ major: number; text: string }> {
  const [r] = await rowsOf<{ num: string; text: string }>(
    db,
    sql`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`,
  );
  return { major: Math.floor(Number(r!.num) / 10_000), text: r!.text };
}
