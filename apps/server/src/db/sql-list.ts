import { type SQL, sql } from 'drizzle-orm';

/** A parenthesised list of bound parameters, `($1, $2, …)`, for `IN` and `= ANY` in hand-written SQL (never sql.raw). */
export function sqlList(values: readonly (string | number)[]): SQL {
  if (values.length === 0) throw new Error('sqlList needs at least one value');
  return sql`(${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}
