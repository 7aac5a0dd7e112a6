import type pg from 'pg';

/**
 * A named prepared statement on the pool, for the few queries every request runs (the session lookup): PostgreSQL
 * parses and plans `text` once per connection, and no query builder runs per call. Rows come back as `pg` parses
 * them (timestamptz → Date, json → objects, DATE → 'YYYY-MM-DD'). Everything else goes through drizzle in repos.
 */
export function preparedQuery<R extends pg.QueryResultRow>(name: string, text: string) {
  return async (pool: pg.Pool, values: readonly unknown[]): Promise<R[]> => (await pool.query<R>({ name, text, values: [...values] })).rows;
}
