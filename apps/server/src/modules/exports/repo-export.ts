import type pg from 'pg';
import type { Db } from '../../db/pool.js';

/** The pool under a drizzle database (node-postgres keeps it as `$client`). */
function poolOf(db: Db): pg.Pool {
  const pool = (db as Db & { $client?: pg.Pool }).$client;
  if (!pool || typeof pool.connect !== 'function') throw new Error('export needs a node-postgres pool');
  return pool;
}

/** A query as text and parameters (drizzle's `toSQL()`). */
export type RawQuery = { sql: string; params: unknown[] };

/** The columns of one exported resident, in this order (`rowMode: 'array'`). */
export const RESIDENT_EXPORT_SQL = `
SELECT coalesce(cp.name, cm.name), bd.name, f.unit_no, f.flat_no, r.name, r.relation, r.sex,
       r.id_masked, CASE WHEN r.id_masked IS NULL THEN r.id_number_enc END, r.id_tail, r.birth_date, r.died_on,
       r.ethnicity, r.political, r.phone_masked, CASE WHEN r.phone_masked IS NULL THEN r.phone_enc END, r.phone_tail,
       r.resident_type, r.tags, r.status, r.note
FROM unnest($1::uuid[]) WITH ORDINALITY AS k(id, n)
JOIN residents r ON r.id = k.id
JOIN households h ON h.id = r.household_id
JOIN area_nodes cm ON cm.id = h.community_id
LEFT JOIN flats f ON f.id = h.flat_id
LEFT JOIN area_nodes bd ON bd.id = h.building_id
LEFT JOIN area_nodes cp ON cp.id = h.compound_id
ORDER BY k.n`;

export type ResidentExportRow = [
  place: string,
  building: string | null,
  unitNo: number | null,
  flatNo: string | null,
  name: string,
  relation: string,
  sex: number,
  idMasked: string | null,
  idEnc: Buffer | null,
  idTail: string | null,
  birthDate: string | null,
  diedOn: string | null,
  ethnicity: string,
  political: string,
  phoneMasked: string | null,
  phoneEnc: Buffer | null,
  phoneTail: string | null,
  residentType: string,
  tags: string[],
  status: string,
  note: string | null,
];

/**
 * Walks the ids of `ids` (in its order) with a server-side cursor in one read-only transaction on a client of its
 * own, `size` at a time, and loads each page with the named prepared statement `rowsSql` ($1 = the page's ids) as
 * arrays. The next page is read while the caller writes the current one; stopping early rolls back.
 */
export async function* cursorPages<R>(db: Db, ids: RawQuery, rowsSql: string, name: string, size: number): AsyncGenerator<R[]> {
  const client: pg.PoolClient = await poolOf(db).connect();
  let broken: Error | undefined;
  let open = false;
  const page = async (): Promise<R[] | null> => {
    const { rows } = await client.query<[string]>({ text: `FETCH ${size} FROM linli_export`, rowMode: 'array' });
    if (rows.length === 0) return null;
    const res = await client.query<R & unknown[]>({ name, text: rowsSql, values: [rows.map((r) => r[0])], rowMode: 'array' });
    return res.rows;
  };
  try {
    await client.query('BEGIN READ ONLY');
    open = true;
    await client.query({ text: `DECLARE linli_export NO SCROLL CURSOR FOR ${ids.sql}`, values: ids.params });
    let next = page();
    for (;;) {
      const rows = await next;
      if (!rows) break;
      next = page();
      next.catch(() => undefined);
      yield rows;
    }
    await next.catch(() => undefined);
    await client.query('COMMIT');
    open = false;
  } catch (e) {
    broken = e instanceof Error ? e : new Error(String(e));
    throw e;
  } finally {
    if (open && !broken) await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    client.release(broken);
  }
}
