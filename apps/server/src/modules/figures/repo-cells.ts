import type { FigureCounts } from '@linli/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { orderFigureDays, orderFigureMonths, orders } from '../../db/schema/index.js';

/** One group × month cell of figures as the SQL gives it (durations: [seconds, n] × 4, null where none). */
export type Cell = FigureCounts & { g: string | null; m: string; durations: (number | null)[] };

/** A table of figure cells: the days one or the months one. */
export type CellTable = typeof orderFigureDays | typeof orderFigureMonths;

export const COUNT_KEYS = [
  'placed',
  'dispatched',
  'acceptedOnTime',
  'closed',
  'resolved',
  'closedOnTime',
  'handled',
  'reworked',
  'extended',
  'rated',
  'satisfied',
] as const satisfies readonly (keyof FigureCounts)[];

/** The cell columns of the four averages, [seconds, n] each, in the order of accumulator.ts's Durations. */
export const DURATION_KEYS = [
  'dispatchSeconds',
  'dispatchN',
  'acceptSeconds',
  'acceptN',
  'handleSeconds',
  'handleN',
  'closeSeconds',
  'closeN',
] as const;

const o = orders;
const closed = sql`${o.status} = 'closed' AND ${o.outcome} NOT IN ('duplicate', 'withdrawn')`;

/** Each count of DOMAIN.md over orders, as one aggregate (FILTER clauses, so each row is read once). */
export const ORDER_COUNTS: Record<(typeof COUNT_KEYS)[number], SQL> = {
  placed: sql`count(*)`,
  dispatched: sql`count(*) FILTER (WHERE ${o.dispatchedAt} IS NOT NULL)`,
  acceptedOnTime: sql`count(*) FILTER (WHERE ${o.dispatchedAt} IS NOT NULL AND ${o.acceptedOnTime})`,
  closed: sql`count(*) FILTER (WHERE ${closed})`,
  resolved: sql`count(*) FILTER (WHERE ${closed} AND ${o.outcome} = 'resolved')`,
  closedOnTime: sql`count(*) FILTER (WHERE ${closed} AND ${o.closedOnTime})`,
  handled: sql`count(*) FILTER (WHERE ${o.handledAt} IS NOT NULL)`,
  reworked: sql`count(*) FILTER (WHERE ${o.handledAt} IS NOT NULL AND ${o.reworkCount} > 0)`,
  extended: sql`count(*) FILTER (WHERE ${o.dispatchedAt} IS NOT NULL AND ${o.extensionCount} > 0)`,
  rated: sql`count(${o.rating})`,
  satisfied: sql`count(*) FILTER (WHERE ${o.rating} IN ('satisfied', 'basic'))`,
};

// date_part on an interval is float8; extract() would be numeric, several times slower over a million rows
const span = (to: AnyPgColumn, from: AnyPgColumn, only?: SQL): [SQL, SQL] => {
  const filter = only ? sql` FILTER (WHERE ${only})` : sql``;
  return [sql`coalesce(sum(date_part('epoch', ${to} - ${from}))${filter}, 0)`, sql`count(${to} - ${from})${filter}`];
};

/** The seconds summed and orders covered of each average over orders, in DURATION_KEYS order. */
export const ORDER_DURATIONS: SQL[] = [
  ...span(o.dispatchedAt, o.placedAt),
  ...span(o.acceptedAt, o.dispatchedAt),
  ...span(o.handledAt, o.acceptedAt),
  ...span(o.closedAt, o.placedAt, closed),
];

/** The select list of a figure cell over orders: the counts as int columns and the durations as one float8[]. */
export const orderCellColumns = (): SQL =>
  sql`${sql.join(
    COUNT_KEYS.map((k) => sql`${ORDER_COUNTS[k]}::int AS ${sql.identifier(k)}`),
    sql`, `,
  )}, ARRAY[${sql.join(ORDER_DURATIONS, sql`, `)}]::float8[] AS "durations"`;

/** The same select list summing stored cells of `t`. */
export const storedCellColumns = (t: CellTable): SQL =>
  sql`${sql.join(
    COUNT_KEYS.map((k) => sql`sum(${t[k]})::int AS ${sql.identifier(k)}`),
    sql`, `,
  )}, ARRAY[${sql.join(
    DURATION_KEYS.map((k) => sql`sum(${t[k]})`),
    sql`, `,
  )}]::float8[] AS "durations"`;
