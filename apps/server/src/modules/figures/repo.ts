import { type AreaKind, type FigureAverages, type FigureCounts, type FiguresGroupBy, UNSCOPED_ROLE } from '@linli/contracts';
import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, assignmentsWith, levelKey } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db } from '../../db/pool.js';
import { areaNodes, handlerOrgs, orders, services } from '../../db/schema/index.js';
import { type Durations, FigureAccumulator } from './accumulator.js';
import { type Cell, type CellTable, orderCellColumns } from './repo-cells.js';
import { rollupCells } from './repo-rollup-read.js';

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
/**
 * Where the rollups may answer instead of the orders: `cells` selects in a cell table exactly the orders `where`
 * selects, and [from, to] are the period's days (China time).
 */
export type RollupOptions = { cells: (t: CellTable) => SQL; from: string; to: string };
export type BucketsOptions = FiguresSqlOptions & { rollup?: RollupOptions | null };
/** Whose orders are counted: the actor's figures scope, narrowed to one area when given. */
export type FiguresFilter = Omit<FiguresSqlOptions, 'where'> & {
  actor: Actor;
  area?: { id: string; kind: AreaKind };
  from: string;
  to: string;
};

const ORDER_SCOPE = scopeColumnsOf(orders);
/** The levels the cell tables carry; a scope or area finer than these (a grid) reads the orders. */
const CELL_LEVELS: readonly AreaKind[] = ['district', 'street', 'community'];

function figuresWhere({ actor, area }: Pick<FiguresFilter, 'actor' | 'area'>): SQL {
  const scope = scopeFilter(actor, 'figures.read', ORDER_SCOPE);
  return area ? and(scope, eq(ORDER_SCOPE[levelKey(area.kind)]!, area.id))! : scope;
}

/** The same rows as figuresWhere in a cell table, when every scope and the area are at a level the cells carry. */
function cellsWhere({ actor, area }: Pick<FiguresFilter, 'actor' | 'area'>): ((t: CellTable) => SQL) | null {
  const coarse = assignmentsWith(actor, 'figures.read').every(
    (a) => a.role === UNSCOPED_ROLE || (a.areaKind && CELL_LEVELS.includes(a.areaKind)),
  );
  if (!coarse || (area && !CELL_LEVELS.includes(area.kind))) return null;
  return (t) => {
    const cols = scopeColumnsOf(t);
    const scope = scopeFilter(actor, 'figures.read', cols);
    return area ? and(scope, eq(cols[levelKey(area.kind)]!, area.id))! : scope;
  };
}

const month = sql`date_trunc('month', ${orders.placedAt} AT TIME ZONE 'Asia/Shanghai')`;

/**
 * The one statement over orders: counts and duration sums per group and month of the orders placed in [start, end).
 * A plain GROUP BY of few cells lets PostgreSQL aggregate in parallel workers; the range on placed_at lets the
 * (street|community, placed_at) indexes serve a street or community.
 */
export function figuresSql(opts: FiguresSqlOptions): SQL {
  const g = GROUP_COLUMN[opts.groupBy];
  return sql`
    SELECT ${g}::text AS g, to_char(${month}, 'YYYY-MM') AS m, ${orderCellColumns()}
    FROM ${orders}
    WHERE ${opts.where} AND ${orders.placedAt} >= ${opts.start.toISOString()} AND ${orders.placedAt} < ${opts.end.toISOString()}
    GROUP BY ${g}, ${month}`;
}

/** Every figure per group, per month and in total, rolled up from the group × month cells of figuresSql. */
export async function figureBuckets(db: Db, filter: FiguresFilter): Promise<FigureBuckets> {
  const { actor: _actor, area: _area, from, to, ...opts } = filter;
  const cells = opts.groupBy === 'grid' ? null : cellsWhere(filter);
  return bucketsWhere(db, { ...opts, where: figuresWhere(filter), rollup: cells ? { cells, from, to } : null });
}

/** The same roll-up for any condition on orders (the work report passes one area's equality), from the rollups where given. */
export async function bucketsWhere(db: Db, opts: BucketsOptions): Promise<FigureBuckets> {
  const rows = opts.rollup
    ? await rollupCells(db, { ...opts, ...opts.rollup }, figuresSql)
    : (await db.execute<Cell>(figuresSql(opts))).rows;
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
