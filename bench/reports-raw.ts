import { localDate } from '@linli/contracts';
import { PgDialect } from 'drizzle-orm/pg-core';
import { dayStart, rollupSpan, shiftDate } from '../apps/server/src/modules/figures/rollup-span.js';
import { registrySql } from '../apps/server/src/modules/reports/providers/registry.js';
import type { ReportTarget } from '../apps/server/src/modules/reports/providers/types.js';
import type { BenchDb } from './bench-db.js';
import { timeSequential } from './bench-client.js';

export type RawArea = { id: string; kind: 'community' | 'street' | 'district' };

const COLUMN = { community: 'community_id', street: 'street_id', district: 'district_id' } as const;
const COUNTS = 'placed dispatched accepted_on_time closed resolved closed_on_time handled reworked extended rated satisfied'.split(' ');
const DURATIONS = 'dispatch_seconds dispatch_n accept_seconds accept_n handle_seconds handle_n close_seconds close_n'.split(' ');
const stored = (t: string) =>
  `${COUNTS.map((c) => `sum(${c})::int AS ${c}`).join(', ')}, ARRAY[${DURATIONS.map((d) => `sum(${d})`).join(', ')}]::float8[] AS durations FROM ${t}`;
const CLOSED = `status = 'closed' AND outcome NOT IN ('duplicate', 'withdrawn')`;
const SCANNED = `count(*)::int AS placed, count(*) FILTER (WHERE dispatched_at IS NOT NULL)::int,
  count(*) FILTER (WHERE dispatched_at IS NOT NULL AND accepted_on_time)::int, count(*) FILTER (WHERE ${CLOSED})::int,
  count(*) FILTER (WHERE ${CLOSED} AND outcome = 'resolved')::int, count(*) FILTER (WHERE ${CLOSED} AND closed_on_time)::int,
  count(*) FILTER (WHERE handled_at IS NOT NULL)::int, count(*) FILTER (WHERE handled_at IS NOT NULL AND rework_count > 0)::int,
  count(*) FILTER (WHERE dispatched_at IS NOT NULL AND extension_count > 0)::int, count(rating)::int,
  count(*) FILTER (WHERE rating IN ('satisfied', 'basic'))::int,
  ARRAY[coalesce(sum(date_part('epoch', dispatched_at - placed_at)), 0), count(dispatched_at - placed_at),
    coalesce(sum(date_part('epoch', accepted_at - dispatched_at)), 0), count(accepted_at - dispatched_at),
    coalesce(sum(date_part('epoch', handled_at - accepted_at)), 0), count(handled_at - accepted_at),
    coalesce(sum(date_part('epoch', closed_at - placed_at)) FILTER (WHERE ${CLOSED}), 0), count(closed_at - placed_at) FILTER (WHERE ${CLOSED})]::float8[]
  FROM orders`;
const MONTH = `to_char(date_trunc('month', placed_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM')`;

/** `n` sequential runs of one query (after 3 warm-ups), its rows serialised as the endpoint would: p50 and p95 in ms. */
const time = (_db: BenchDb, n: number, run: () => Promise<unknown>) => timeSequential(n, 3, async () => JSON.stringify(await run()));

/** The hand-written SQL of the report's heaviest figure (orders by service and month), through `pg`, prepared. */
export const RAW_FLOORS = {
  /** As the report reads it: the rollups' state, then whole months, rolled-up days and the orders of the days after. */
  async ordersByService(db: BenchDb, area: RawArea, n: number) {
    const to = localDate();
    const from = shiftDate(to, -364);
    const col = COLUMN[area.kind];
    const state = { name: 'raw-rollup-state', text: `SELECT built_through FROM figure_rollup_state WHERE name = 'orders'` };
    const text = `
      SELECT service_id::text AS g, to_char(month, 'YYYY-MM') AS m, ${stored('order_figure_months')}
      WHERE ${col} = $1 AND month >= $2 AND month < $3 GROUP BY 1, 2
      UNION ALL
      SELECT service_id::text, to_char(day, 'YYYY-MM'), ${stored('order_figure_days')}
      WHERE ${col} = $1 AND day >= $4 AND day <= $5 AND NOT (day >= $2 AND day < $3) GROUP BY 1, 2
      UNION ALL
      SELECT service_id::text, ${MONTH}, ${SCANNED} WHERE ${col} = $1 AND placed_at >= $6 AND placed_at < $7 GROUP BY 1, 2`;
    return time(db, n, async () => {
      const bt = (await db.pool.query<{ built_through: string | null }>(state)).rows[0]?.built_through ?? null;
      const s = rollupSpan(from, to, bt);
      const values = [
        area.id,
        s.fullFrom,
        s.fullUntil,
        s.from,
        s.through,
        s.scanFrom.toISOString(),
        dayStart(shiftDate(to, 1)).toISOString(),
      ];
      return (await db.pool.query({ name: `raw-rollup-${col}`, text, values })).rows;
    });
  },
  /** Without rollups: the year of orders scanned. */
  async ordersScan(db: BenchDb, area: RawArea, n: number) {
    const to = localDate();
    const col = COLUMN[area.kind];
    const text = `SELECT service_id::text AS g, ${MONTH} AS m, ${SCANNED} WHERE ${col} = $1 AND placed_at >= $2 AND placed_at < $3 GROUP BY 1, 2`;
    const values = [area.id, dayStart(shiftDate(to, -364)).toISOString(), dayStart(shiftDate(to, 1)).toISOString()];
    return time(db, n, async () => (await db.pool.query({ name: `raw-scan-${col}`, text, values })).rows);
  },
  /** The registry's one statement over residents and households (what the rollups replaced), through `pg`, prepared. */
  async registryScan(db: BenchDb, target: ReportTarget, n: number) {
    const q = new PgDialect().sqlToQuery(registrySql(target));
    return time(db, n, async () => (await db.pool.query({ name: `raw-registry-${target.level}`, text: q.sql, values: q.params })).rows);
  },
  /**
   * The registry figure as the report reads it, by hand in one statement: the rollups' state, the cells of the area
   * but those of marked (community, grid) pairs, the tag cells the same way, and the mapped buildings from the map.
   */
  async registryRollup(db: BenchDb, area: RawArea, n: number) {
    const col = COLUMN[area.kind];
    const child = { community: 'grid_id', street: 'community_id', district: 'street_id' }[area.kind];
    const unmarked = `NOT EXISTS (SELECT 1 FROM mk WHERE mk.community_id = s.community_id AND mk.grid_id IS NOT DISTINCT FROM s.grid_id)`;
    const text = `
      WITH st AS (SELECT rules_key FROM registry_rollup_state WHERE name = 'registry'),
      mk AS (SELECT DISTINCT community_id, grid_id FROM registry_figure_marks),
      x AS (SELECT s.* FROM registry_figure_cells s WHERE s.${col} = $1 AND ${unmarked} AND EXISTS (SELECT 1 FROM st)),
      tg AS (SELECT s.tag, s.n FROM registry_tag_cells s WHERE s.${col} = $1 AND ${unmarked} AND EXISTS (SELECT 1 FROM st))
      SELECT 'r' AS k, ${child}::text AS g, null::text AS tag, sum(residents)::int AS a, sum(floating)::int AS b,
        sum(tagged_residents)::int AS c FROM x GROUP BY 2 HAVING sum(residents) > 0
      UNION ALL SELECT 'h', ${child}::text, null, sum(households)::int, 0, sum(tagged_households)::int FROM x GROUP BY 2 HAVING sum(households) > 0
      UNION ALL SELECT 'b', a.${child}::text, null, count(*)::int, 0, 0 FROM area_nodes a
        WHERE a.${col} = $1 AND a.kind = 'building' AND EXISTS (SELECT 1 FROM flats f WHERE f.building_id = a.id) GROUP BY 2
      UNION ALL SELECT 't', null, tag, sum(n)::int, 0, 0 FROM tg GROUP BY tag`;
    return time(db, n, async () => (await db.pool.query({ name: `raw-registry-rollup-${col}`, text, values: [area.id] })).rows);
  },
};
