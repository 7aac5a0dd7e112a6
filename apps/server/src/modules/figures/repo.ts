import type { AreaKind, FigureAverages, FigureCounts, FiguresGroupBy } from '@linli/contracts';
import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, levelKey } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db } from '../../db/pool.js';
import { areaNodes, handlerOrgs, orders, services } from '../../db/schema/index.js';
import { type Durations, FigureAccumulator } from './accumulator.js';

export const GROUP_COLUMN: Record<FiguresGroupBy, AnyPgColumn> = {
  service: orders.serviceId,
  category: orders.category,
  handler: orders.handlerOrgId,
  grid: orders.gridId,
  community: orders.communityId,
  street: orders.streetId,
};

export type FigureBucket = { counts: FigureCounts; averages: FigureAverages };
export type FigureBuckets = { total: FigureBucket; groups: Map<string | null, FigureBucket>; months: Map<string, FigureBucket> };
export type FiguresSqlOptions = { where: SQL; groupBy: FiguresGroupBy; start: Date; end: Date };
/** Whose orders are counted: the actor's figures scope, narrowed to one area when given. */
export type FiguresFilter = Omit<FiguresSqlOptions, 'where'> & { actor: Actor; area?: { id: string; kind: AreaKind } };

const ORDER_SCOPE = scopeColumnsOf(orders);

function figuresWhere({ actor, area }: Pick<FiguresFilter, 'actor' | 'area'>): SQL {
  const scope = scopeFilter(actor, 'figures.read', ORDER_SCOPE);
  return area ? and(scope, eq(ORDER_SCOPE[levelKey(area.kind)]!, area.id))! : scope;
}

const month = sql`date_trunc('month', ${orders.placedAt} AT TIME ZONE 'Asia/Shanghai')`;
const closed = sql`${orders.status} = 'closed' AND ${orders.outcome} NOT IN ('duplicate', 'withdrawn')`;
// date_part on an interval is float8; extract() would be numeric, several times slower over a million rows
const seconds = (to: AnyPgColumn, from: AnyPgColumn, only?: SQL) =>
  sql`sum(date_part('epoch', ${to} - ${from}))${only ? sql` FILTER (WHERE ${only})` : sql``}, count(${to} - ${from})${only ? sql` FILTER (WHERE ${only})` : sql``}::int`;

/**
 * The one statement: counts (FILTER clauses, so each row is read once) and duration sums per group and month of
 * the orders placed in [start, end). A plain GROUP BY of few cells lets PostgreSQL aggregate in parallel workers;
 * the range on placed_at lets the (street|community, placed_at) indexes serve a street or community.
 */
export function figuresSql(opts: FiguresSqlOptions): SQL {
  const g = GROUP_COLUMN[opts.groupBy];
  return sql`
    SELECT ${g}::text AS g, to_char(${month}, 'YYYY-MM') AS m,
      count(*)::int AS "placed",
      count(*) FILTER (WHERE ${orders.dispatchedAt} IS NOT NULL)::int AS "dispatched",
      count(*) FILTER (WHERE ${orders.dispatchedAt} IS NOT NULL AND ${orders.acceptedOnTime})::int AS "acceptedOnTime",
      count(*) FILTER (WHERE ${closed})::int AS "closed",
      count(*) FILTER (WHERE ${closed} AND ${orders.outcome} = 'resolved')::int AS "resolved",
      count(*) FILTER (WHERE ${closed} AND ${orders.closedOnTime})::int AS "closedOnTime",
      count(*) FILTER (WHERE ${orders.handledAt} IS NOT NULL)::int AS "handled",
      count(*) FILTER (WHERE ${orders.handledAt} IS NOT NULL AND ${orders.reworkCount} > 0)::int AS "reworked",
      count(*) FILTER (WHERE ${orders.dispatchedAt} IS NOT NULL AND ${orders.extensionCount} > 0)::int AS "extended",
      count(${orders.rating})::int AS "rated",
      count(*) FILTER (WHERE ${orders.rating} IN ('satisfied', 'basic'))::int AS "satisfied",
      ARRAY[${seconds(orders.dispatchedAt, orders.placedAt)}, ${seconds(orders.acceptedAt, orders.dispatchedAt)},
        ${seconds(orders.handledAt, orders.acceptedAt)}, ${seconds(orders.closedAt, orders.placedAt, closed)}]::float8[] AS "durations"
    FROM ${orders}
    WHERE ${opts.where} AND ${orders.placedAt} >= ${opts.start.toISOString()} AND ${orders.placedAt} < ${opts.end.toISOString()}
    GROUP BY ${g}, ${month}`;
}

type Cell = FigureCounts & { g: string | null; m: string; durations: (number | null)[] };

/** Every figure per group, per month and in total, rolled up from the group × month cells of figuresSql. */
export async function figureBuckets(db: Db, filter: FiguresFilter): Promise<FigureBuckets> {
  const { actor: _actor, area: _area, ...opts } = filter;
  return bucketsWhere(db, { ...opts, where: figuresWhere(filter) });
}

/** The same roll-up for any condition on orders (the work report passes one area's equality). */
export async function bucketsWhere(db: Db, opts: FiguresSqlOptions): Promise<FigureBuckets> {
  const { rows } = await db.execute<Cell>(figuresSql(opts));
  const total = new FigureAccumulator();
  const groups = new Map<string | null, FigureAccumulator>();
  const months = new Map<string, FigureAccumulator>();
  const into = <K>(map: Map<K, FigureAccumulator>, key: K) => map.get(key) ?? map.set(key, new FigureAccumulator()).get(key)!;
  for (const { g, m, durations, ...counts } of rows) {
    const d = durations.map((v) => v ?? 0) as Durations;
    for (const acc of [total, into(groups, g), into(months, m)]) acc.add(counts, d);
  }
  const done = <K>(map: Map<K, FigureAccumulator>) => new Map([...map].map(([k, acc]) => [k, acc.bucket()]));
  return { total: total.bucket(), groups: done(groups), months: done(months) };
}

/** Display names of the groups' keys (categories are named from their labels, not here). */
export async function groupNames(db: Db, groupBy: FiguresGroupBy, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0 || groupBy === 'category') return new Map();
  const rows =
    groupBy === 'service'
      ? await db.select({ id: services.id, name: services.name }).from(services).where(inArray(services.id, keys))
      : groupBy === 'handler'
        ? await db.select({ id: handlerOrgs.id, name: handlerOrgs.name }).from(handlerOrgs).where(inArray(handlerOrgs.id, keys))
        : await db.select({ id: areaNodes.id, name: areaNodes.name }).from(areaNodes).where(inArray(areaNodes.id, keys));
  return new Map(rows.map((r) => [r.id, r.name]));
}
