import { SERVICE_CATEGORY_LABELS, ServiceCategoryCode, TIME_LIMIT_PRESETS } from '@linli/contracts';
import type { BenchDb } from './bench-db.js';

/** The bench's fixed catalogue per street: three services per category. */
const SERVICES = ServiceCategoryCode.options.flatMap((category, c) =>
  [0, 1, 2].map((i) => ({
    code: `${category}-${i + 1}`,
    category,
    name: `${SERVICE_CATEGORY_LABELS[category]['zh-CN']}${i + 1}`,
    emergency: c === 0 && i === 0,
    limits: c === 0 && i === 0 ? TIME_LIMIT_PRESETS.emergency : i === 1 ? TIME_LIMIT_PRESETS.utility : TIME_LIMIT_PRESETS.general,
  })),
);

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Writes `count` orders spread over the year before `now` into a district dataset, set-based in SQL: a catalogue
 * per street, a property company per community and two street handlers, then orders on random buildings. Orders
 * older than three weeks are closed (a few merged or withdrawn); recent ones spread over the open statuses with
 * their running stage's deadline, about 2 % overdue. Timeline rows are not generated (no bench reads them).
 */
export async function generateOrders(db: BenchDb, opts: { count: number; now: Date; log: (m: string) => void }): Promise<number> {
  const started = performance.now();
  const q = (text: string, params: unknown[] = []) => db.pool.query(text, params);
  await q(
    `INSERT INTO services (district_id, street_id, code, category, name, time_limits, emergency)
    SELECT s.district_id, s.id, v.code, v.category::service_category, v.name, v.limits::jsonb, v.emergency
    FROM area_nodes s CROSS JOIN jsonb_to_recordset($1::jsonb) AS v(code text, category text, name text, limits jsonb, emergency boolean)
    WHERE s.kind = 'street'`,
    [JSON.stringify(SERVICES)],
  );
  await q(`INSERT INTO handler_orgs (kind, name, area_id, district_id, street_id, community_id)
    SELECT 'property'::handler_org_kind, name || ' 物业', id, district_id, street_id, id FROM area_nodes WHERE kind = 'community'
    UNION ALL SELECT 'street_dept'::handler_org_kind, name || ' 城管科', id, district_id, street_id, NULL FROM area_nodes WHERE kind = 'street'
    UNION ALL SELECT 'social_org'::handler_org_kind, name || ' 社工站', id, district_id, street_id, NULL FROM area_nodes WHERE kind = 'street'`);
  await q(`CREATE TEMP TABLE bench_buildings AS
    SELECT row_number() OVER (ORDER BY b.id) AS n, b.id, b.district_id, b.street_id, b.community_id, b.compound_id, b.grid_id,
      (SELECT o.id FROM handler_orgs o WHERE o.community_id = b.community_id LIMIT 1) AS property_org,
      (SELECT o.id FROM handler_orgs o WHERE o.street_id = b.street_id AND o.community_id IS NULL ORDER BY o.name LIMIT 1) AS street_org
    FROM area_nodes b WHERE b.kind = 'building'`);
  await q(`CREATE TEMP TABLE bench_services AS SELECT row_number() OVER (PARTITION BY street_id ORDER BY code) AS n, * FROM services`);
  const { rows } = await q(`SELECT count(*)::int AS c FROM bench_buildings`);
  const buildings = (rows[0] as { c: number }).c;
  const batch = 100_000;
  for (let from = 0; from < opts.count; from += batch) {
    const to = Math.min(opts.count, from + batch);
    await q(
      `WITH g AS (
         SELECT i, $3::timestamptz - ((($4::float8 - i) / $4::float8) * interval '365 days') AS placed,
                abs(hashint4(i)) AS h, abs(hashint4(i * 7 + 1)) AS h2
         FROM generate_series($1::int, $2::int - 1) AS i),
       o AS (
         SELECT g.*, b.*, s.id AS service_id, s.category, s.emergency, s.time_limits,
           CASE WHEN g.placed < $3::timestamptz - interval '21 days'
                THEN (CASE WHEN g.h2 % 100 < 2 THEN 'merged' WHEN g.h2 % 100 < 4 THEN 'withdrawn' ELSE 'closed' END)
                ELSE (ARRAY['placed','dispatched','accepted','in_progress','handled','confirmed','closed','closed'])[1 + g.h2 % 8] END AS st
         FROM g
         JOIN bench_buildings b ON b.n = 1 + g.h % $5
         JOIN bench_services s ON s.street_id = b.street_id AND s.n = 1 + g.h2 % 18)
       INSERT INTO orders (order_no, service_id, category, emergency, status, channel, description, district_id, street_id,
         community_id, compound_id, grid_id, building_id, address, handler_org_id, placed_at, dispatched_at, accepted_at, handled_at,
         confirmed_at, closed_at, stage_started_at, stage_due_at, overdue_since, escalation_level, accepted_on_time, handled_on_time,
         closed_on_time, rework_count, extension_count, rating, outcome, updated_at)
       SELECT 'B' || lpad(i::text, 9, '0'), service_id, category, emergency, st::order_status,
         (ARRAY['portal','portal','portal','proxy','desk','open311'])[1 + h % 6]::order_channel,
         '楼道灯不亮，需要维修 ' || i, district_id, street_id, community_id, compound_id, grid_id, id, '',
         CASE WHEN st = 'placed' THEN NULL WHEN category = 'property' THEN property_org ELSE street_org END,
         placed,
         CASE WHEN st = 'placed' THEN NULL ELSE placed + interval '20 minutes' END,
         CASE WHEN st IN ('placed','dispatched') THEN NULL ELSE placed + interval '50 minutes' END,
         CASE WHEN st IN ('handled','confirmed','closed') THEN placed + interval '30 hours' END,
         CASE WHEN st IN ('confirmed','closed') THEN placed + interval '40 hours' END,
         CASE WHEN st IN ('closed','merged','withdrawn') THEN placed + interval '60 hours' END,
         CASE WHEN st IN ('closed','merged','withdrawn') THEN NULL ELSE placed END,
         CASE WHEN st IN ('closed','merged','withdrawn') THEN NULL
              WHEN h % 50 = 0 THEN $3::timestamptz - interval '2 hours'
              ELSE $3::timestamptz + ((h % 7200) * interval '1 minute') END,
         CASE WHEN st NOT IN ('closed','merged','withdrawn') AND h % 50 = 0 THEN $3::timestamptz - interval '2 hours' END,
         CASE WHEN st NOT IN ('closed','merged','withdrawn') AND h % 50 = 0 THEN 1 ELSE 0 END,
         CASE WHEN st IN ('placed','dispatched') THEN NULL ELSE h2 % 10 <> 0 END,
         CASE WHEN st IN ('handled','confirmed','closed') THEN h2 % 12 <> 0 END,
         CASE WHEN st = 'closed' THEN h2 % 15 <> 0 END,
         CASE WHEN h2 % 33 = 0 THEN 1 ELSE 0 END,
         CASE WHEN h2 % 25 = 0 THEN 1 ELSE 0 END,
         CASE WHEN st IN ('confirmed','closed') THEN (ARRAY['satisfied','satisfied','satisfied','basic','unsatisfied'])[1 + h % 5]::order_rating END,
         CASE WHEN st = 'closed' THEN (ARRAY['resolved','resolved','resolved','resolved','unresolved','not_responsible'])[1 + h2 % 6]::order_outcome
              WHEN st = 'merged' THEN 'duplicate'::order_outcome WHEN st = 'withdrawn' THEN 'withdrawn'::order_outcome END,
         placed
       FROM o`,
      [from, to, opts.now.toISOString(), opts.count, buildings],
    );
    opts.log(`  orders ${fmt(to)}/${fmt(opts.count)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await q(`DROP TABLE bench_buildings; DROP TABLE bench_services`);
  await q(`VACUUM ANALYZE orders`);
  const seconds = (performance.now() - started) / 1000;
  opts.log(`generated ${fmt(opts.count)} orders in ${seconds.toFixed(1)} s`);
  return seconds;
}
