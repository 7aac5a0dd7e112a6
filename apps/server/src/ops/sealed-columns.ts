import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/pool.js';

/** A table holding sealed values: its one-column primary key and its `*_enc` columns, each with its `*_hash` if any. */
export type SealedTable = { table: string; key: string; columns: { enc: string; hash: string | null }[] };

/** An identifier read from the catalogue, quoted. */
export const ident = (name: string): SQL => sql`${sql.identifier(name)}`;

/** The rows of a raw query. */
export async function rowsOf<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/**
 * Every column of the public schema sealed by core/pii.ts: bytea named `*_enc` (the convention of every table that
 * stores an ID number, a phone or a secret). A `*_hash` text column beside one is its lookup hash (core/pii-seal.ts).
 * Found in the catalogue, so a table added later is covered without a change here.
 */
export async function sealedTables(db: Db | Tx): Promise<SealedTable[]> {
  const rows = await rowsOf<{ table: string; enc: string; hash: string | null; key: string | null }>(
    db,
    sql.raw(`
    SELECT c.table_name AS table, c.column_name AS enc,
      (SELECT h.column_name FROM information_schema.columns h
        WHERE h.table_schema = 'public' AND h.table_name = c.table_name AND h.data_type = 'text'
          AND h.column_name = regexp_replace(c.column_name, '_enc$', '_hash')) AS hash,
      (SELECT string_agg(a.attname, ',') FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = format('public.%I', c.table_name)::regclass AND i.indisprimary) AS key
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND c.data_type = 'bytea' AND c.column_name LIKE '%\\_enc'
    ORDER BY c.table_name, c.column_name`),
  );
  const tables = new Map<string, SealedTable>();
  for (const r of rows) {
    if (!r.key || r.key.includes(',')) throw new Error(`${r.table}: sealed columns need a one-column primary key`);
    const t = tables.get(r.table) ?? { table: r.table, key: r.key, columns: [] };
    t.columns.push({ enc: r.enc, hash: r.hash });
    tables.set(r.table, t);
  }
  return [...tables.values()];
}

/** How many stored values each key id (hex) sealed, per table.column. */
export async function keyIdsInUse(db: Db | Tx, tables: SealedTable[]): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (const t of tables)
    for (const c of t.columns) {
      const rows = await rowsOf<{ key_id: string; n: number }>(
        db,
        sql`SELECT encode(substring(${ident(c.enc)} FROM 2 FOR 4), 'hex') AS key_id, count(*)::int AS n
         FROM ${ident(t.table)} WHERE ${ident(c.enc)} IS NOT NULL GROUP BY 1`,
      );
      for (const r of rows) {
        const where = out.get(r.key_id) ?? new Map<string, number>();
        where.set(`${t.table}.${c.enc}`, r.n);
        out.set(r.key_id, where);
      }
    }
  return out;
}
