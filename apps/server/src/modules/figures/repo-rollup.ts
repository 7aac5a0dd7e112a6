import { localDate } from '@linli/contracts';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { figureRollupState, orderFigureDays, orderFigureDirty, orderFigureMonths, orders } from '../../db/schema/index.js';
import { COUNT_KEYS, type CellTable, DURATION_KEYS, ORDER_COUNTS, ORDER_DURATIONS } from './repo-cells.js';
import { dayStart, shiftDate } from './rollup-span.js';

const STATE = 'orders';
/**
 * A day is rolled up once it has been over this long, so that a transaction that placed an order just before
 * midnight (China time, unmarked then: it was today) has committed before its day is read from the orders.
 */
export const ROLLUP_GRACE_MS = 10 * 60_000;

/** Runs `fn` in a transaction holding the rollups' advisory lock (one refresher at a time); null when another holds it. */
export async function withRollupLock<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    const r = await tx.execute<{ locked: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtext('linli.figures.rollup')) AS locked`);
    return r.rows[0]?.locked ? fn(tx) : null;
  });
}

const KEYS = ['communityId', 'streetId', 'districtId', 'serviceId', 'category', 'handlerOrgId'] as const;
const VALUES = [...COUNT_KEYS, ...DURATION_KEYS] as const;

export type RollupState = { builtThrough: string | null; dirty: boolean };

/** How far the rollups reach, and whether a cell of [from, to] waits for a refresh. */
export async function rollupState(db: Db | Tx, from: string, to: string): Promise<RollupState> {
  const { rows } = await db.execute<RollupState>(sql`
    SELECT s.built_through AS "builtThrough", EXISTS (
      SELECT 1 FROM ${orderFigureDirty} d WHERE d.day >= ${from}::date AND d.day <= least(s.built_through, ${to}::date)) AS dirty
    FROM ${figureRollupState} s WHERE s.name = ${STATE}`);
  return rows[0] ?? { builtThrough: null, dirty: false };
}

const names = (t: CellTable, keys: readonly (typeof KEYS)[number][] | readonly (typeof VALUES)[number][]): SQL =>
  sql.join(
    keys.map((k) => sql.identifier(t[k].name)),
    sql`, `,
  );

/** Rebuilds the day cells of the claimed (day, community) pairs from their orders (one index range each: LATERAL). */
function rebuildDays(tx: Tx, days: SQLWrapper, communities: SQLWrapper) {
  const o = orders;
  const keys = [o.communityId, o.streetId, o.districtId, o.serviceId, o.category, o.handlerOrgId];
  const values = [...COUNT_KEYS.map((k) => ORDER_COUNTS[k]), ...ORDER_DURATIONS];
  return tx.execute(sql`
    INSERT INTO ${orderFigureDays} (day, ${names(orderFigureDays, KEYS)}, ${names(orderFigureDays, VALUES)})
    SELECT c.day, x.* FROM unnest(${days}::date[], ${communities}::uuid[]) AS c(day, community_id)
    CROSS JOIN LATERAL (
      SELECT ${sql.join(keys, sql`, `)}, ${sql.join(values, sql`, `)} FROM ${o}
      WHERE ${o.communityId} = c.community_id
        AND ${o.placedAt} >= (c.day::timestamp AT TIME ZONE 'Asia/Shanghai') AND ${o.placedAt} < ((c.day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
      GROUP BY ${sql.join(keys, sql`, `)}) x`);
}

/** Rebuilds the month cells of the (month, community) pairs from their day cells. */
function rebuildMonths(tx: Tx, months: SQLWrapper, communities: SQLWrapper) {
  const d = orderFigureDays;
  const keys = KEYS.map((k) => d[k]);
  return tx.execute(sql`
    INSERT INTO ${orderFigureMonths} (month, ${names(orderFigureMonths, KEYS)}, ${names(orderFigureMonths, VALUES)})
    SELECT c.month, x.* FROM unnest(${months}::date[], ${communities}::uuid[]) AS c(month, community_id)
    CROSS JOIN LATERAL (
      SELECT ${sql.join(keys, sql`, `)}, ${sql.join(
        VALUES.map((k) => sql`sum(${d[k]})`),
        sql`, `,
      )} FROM ${d}
      WHERE ${d.communityId} = c.community_id AND ${d.day} >= c.month AND ${d.day} < (c.month + interval '1 month')
      GROUP BY ${sql.join(keys, sql`, `)}) x`);
}

/**
 * Refreshes up to `limit` marked (day, community) cells of rolled-up days: their day cells from the orders, their
 * months from the day cells, then clears each mark unless an order change marked it again meanwhile (its `seq`
 * moved), so a change committed during the refresh is refreshed next time. Returns how many cells it refreshed.
 */
export async function refreshMarked(tx: Tx, limit: number): Promise<number> {
  const { rows } = await tx.execute<{ day: string; communityId: string; seq: number }>(sql`
    SELECT d.day, d.community_id AS "communityId", d.seq FROM ${orderFigureDirty} d
    JOIN ${figureRollupState} s ON s.name = ${STATE} AND d.day <= s.built_through
    ORDER BY d.day, d.community_id LIMIT ${limit}`);
  if (rows.length === 0) return 0;
  const days = sql.param(rows.map((r) => r.day));
  const communities = sql.param(rows.map((r) => r.communityId));
  await tx.execute(sql`
    DELETE FROM ${orderFigureDays} r USING unnest(${days}::date[], ${communities}::uuid[]) AS c(day, community_id)
    WHERE r.day = c.day AND r.community_id = c.community_id`);
  await rebuildDays(tx, days, communities);
  const months = [...new Set(rows.map((r) => `${r.day.slice(0, 7)}-01 ${r.communityId}`))].map((k) => k.split(' ') as [string, string]);
  const monthList = sql.param(months.map(([m]) => m));
  const monthCommunities = sql.param(months.map(([, c]) => c));
  await tx.execute(sql`
    DELETE FROM ${orderFigureMonths} r USING unnest(${monthList}::date[], ${monthCommunities}::uuid[]) AS c(month, community_id)
    WHERE r.month = c.month AND r.community_id = c.community_id`);
  await rebuildMonths(tx, monthList, monthCommunities);
  await tx.execute(sql`
    DELETE FROM ${orderFigureDirty} d USING unnest(${days}::date[], ${communities}::uuid[], ${sql.param(rows.map((r) => r.seq))}::int[])
      AS c(day, community_id, seq)
    WHERE d.day = c.day AND d.community_id = c.community_id AND d.seq = c.seq`);
  return rows.length;
}

/** The last day that may be rolled up at `now`: yesterday (China time), once the grace after midnight has passed. */
export const lastRollableDay = (now: Date): string => shiftDate(localDate(new Date(now.getTime() - ROLLUP_GRACE_MS)), -1);

/**
 * Extends the rolled-up days by at most `maxDays` towards `lastRollableDay(now)`: marks every (day, community) of
 * the new days that has orders, for refreshMarked to build. The first time it starts at the oldest order's day.
 */
export async function extendRollups(tx: Tx, now: Date, maxDays: number): Promise<{ builtThrough: string; more: boolean }> {
  const last = lastRollableDay(now);
  const { rows } = await tx.execute<{ builtThrough: string | null; first: string | null }>(sql`
    SELECT (SELECT built_through FROM ${figureRollupState} WHERE name = ${STATE}) AS "builtThrough",
      (SELECT (min(${orders.placedAt}) AT TIME ZONE 'Asia/Shanghai')::date FROM ${orders}) AS first`);
  const { builtThrough, first } = rows[0]!;
  const from = builtThrough ?? (first ? shiftDate(first < last ? first : last, -1) : last);
  const target = from >= last ? from : [shiftDate(from, maxDays), last].sort()[0]!;
  if (target > from)
    await tx.execute(sql`
      INSERT INTO ${orderFigureDirty} AS d (day, community_id)
      SELECT DISTINCT (${orders.placedAt} AT TIME ZONE 'Asia/Shanghai')::date, ${orders.communityId} FROM ${orders}
      WHERE ${orders.placedAt} >= ${dayStart(shiftDate(from, 1)).toISOString()} AND ${orders.placedAt} < ${dayStart(shiftDate(target, 1)).toISOString()}
      ON CONFLICT (day, community_id) DO UPDATE SET seq = d.seq + 1`);
  if (target !== builtThrough)
    await tx
      .insert(figureRollupState)
      .values({ name: STATE, builtThrough: target })
      .onConflictDoUpdate({ target: figureRollupState.name, set: { builtThrough: target } });
  return { builtThrough: target, more: target < last };
}
