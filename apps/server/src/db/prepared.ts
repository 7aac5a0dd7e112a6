import type pg from 'pg';

/**
 * A named prepared statement on the pool, for the few queries every request runs (the session lookup): PostgreSQL
 * parses and plans `text` once per connection, and no query builder runs per call. Rows come back as `pg` parses
 * them (timestamptz → Date, json → objects, DATE → 'YYYY-MM-DD'). Everything else goes through drizzle in repos.
 */
export function preparedQuery<R extends pg.QueryResultRow>(name: string, text: string) {
  return async (pool: pg.Pool, values: readonly unknown[]): Promise<R[]> => (await pool.query<R>({ name, text, values: [...values] })).rows;
}

/**
 * A drizzle query with `sql.placeholder`s, built once per database handle and run as the named statement `build`
 * gives it: the pool's handle lives as long as the server, so a hot read builds nothing per request (a transaction's
 * handle builds its own copy once).
 */
export function preparedOn<C extends object, Q>(build: (conn: C) => Q): (conn: C) => Q {
  const built = new WeakMap<C, Q>();
  return (conn) => {
    let q = built.get(conn);
    if (!q) built.set(conn, (q = build(conn)));
    return q;
  };
}

/**
 * `preparedOn` for a query whose shape varies a little (a scope level, a status): one statement per handle and shape
 * (`keyOf`; the statement name `build` gives should name the shape too), its placeholders filled per call.
 */
export function preparedPerShape<C extends object, S, Q>(build: (conn: C, shape: S) => Q, keyOf: (shape: S) => string) {
  const shapes = preparedOn((_conn: C) => new Map<string, Q>());
  return (conn: C, shape: S): Q => {
    const byShape = shapes(conn);
    const key = keyOf(shape);
    let q = byShape.get(key);
    if (!q) byShape.set(key, (q = build(conn, shape)));
    return q;
  };
}
