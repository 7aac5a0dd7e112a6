import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/pool.js';
import { ident, rowsOf } from './sealed-columns.js';

const BATCH = 2000;
const fileOf = (dir: string, table: string) => path.join(dir, `${table}.jsonl`);

/**
 * The built-in dump: every row of every table as its PostgreSQL text (`row::text`), one JSON string a line, a file a
 * table, read through a cursor in the caller's (repeatable-read) snapshot. It needs no client program and reads back
 * into a server of any version with the same migrations, so it is what the bundled PostgreSQL is backed up with.
 */
export async function dumpTables(tx: Tx, tables: string[], dir: string): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  for (const t of tables) {
    const out = fs.createWriteStream(fileOf(dir, t), { mode: 0o600 });
    await tx.execute(sql`DECLARE linli_dump NO SCROLL CURSOR FOR SELECT x::text AS r FROM ${ident(t)} x`);
    for (;;) {
      const rows = await rowsOf<{ r: string }>(tx, sql`FETCH ${sql.raw(String(BATCH))} FROM linli_dump`);
      if (rows.length === 0) break;
      if (!out.write(rows.map((r) => `${JSON.stringify(r.r)}\n`).join(''))) await once(out, 'drain');
    }
    await tx.execute(sql`CLOSE linli_dump`);
    out.end();
    await once(out, 'finish');
  }
}

/** The columns a row's text fills, generated ones left out. */
async function insertableColumns(tx: Tx, table: string): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    tx,
    sql`SELECT attname AS name FROM pg_attribute WHERE attrelid = format('public.%I', ${table}::text)::regclass
        AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
  );
  return rows.map((r) => r.name);
}

/** Loads the dumped rows of each table (foreign keys dropped by the caller meanwhile); answers the rows read per table. */
export async function loadTables(tx: Tx, tables: string[], dir: string): Promise<Record<string, number>> {
  const loaded: Record<string, number> = {};
  for (const t of tables) {
    const cols = await insertableColumns(tx, t);
    const target = sql.join(cols.map(ident), sql`, `);
    const fields = sql.join(
      cols.map((c) => sql`(s.x).${ident(c)}`),
      sql`, `,
    );
    const insert = (batch: string[]) =>
      tx.execute(sql`INSERT INTO ${ident(t)} (${target}) OVERRIDING SYSTEM VALUE
        SELECT ${fields} FROM (SELECT r::${ident(t)} AS x FROM json_array_elements_text(${JSON.stringify(batch)}::json) r) s`);
    let batch: string[] = [];
    let n = 0;
    const file = fileOf(dir, t);
    if (!fs.existsSync(file)) throw new Error(`the backup has no rows file for table ${t}`);
    for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
      if (!line) continue;
      batch.push(JSON.parse(line) as string);
      n++;
      if (batch.length >= BATCH) {
        await insert(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await insert(batch);
    loaded[t] = n;
  }
  return loaded;
}
