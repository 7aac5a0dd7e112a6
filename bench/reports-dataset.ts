import type { BenchDb } from './bench-db.js';

/**
 * A year of visits (走访) and verified volunteer hours on top of the district, orders and party datasets, set-based
 * in SQL: about two visits in three households (one to four each, by a grid worker account of their community,
 * household_last_visits kept as the visit verb keeps it), and the hours of every confirmed sign-up of a held
 * activity (verified, as checking out does). Runs once per kept dataset.
 */
export async function ensureReportData(db: BenchDb, passwordHash: string, log: (m: string) => void): Promise<void> {
  const exec = async (statement: string, values?: unknown[]) => void (await db.pool.query(statement, values));
  const rows = async (table: string) =>
    Number((await db.pool.query(`SELECT count(*) AS c FROM ${table}`)).rows[0].c).toLocaleString('en-US');
  if ((await rows('visits')) === '0') {
    const started = performance.now();
    await exec(
      `INSERT INTO users (username, display_name, password_hash)
       SELECT 'bench-visitor-' || c.code, c.name || ' 网格员', $1 FROM area_nodes c WHERE c.kind = 'community'
       ON CONFLICT DO NOTHING`,
      [passwordHash],
    );
    await exec(
      `INSERT INTO visits (household_id, district_id, street_id, community_id, compound_id, grid_id, building_id, visitor_id, visited_on, kind)
       SELECT h.id, h.district_id, h.street_id, h.community_id, h.compound_id, h.grid_id, h.building_id, u.id,
              (now() AT TIME ZONE 'Asia/Shanghai')::date - (abs(hashtext(h.id::text || k::text)) % 365),
              (ARRAY['home','home','phone','other'])[1 + k % 4]::visit_kind
       FROM households h
       JOIN area_nodes c ON c.id = h.community_id
       JOIN users u ON u.username = 'bench-visitor-' || c.code
       CROSS JOIN generate_series(0, 3) k
       WHERE abs(hashtext(h.id::text)) % 3 <> 0 AND k <= abs(hashtext(h.id::text || 'n')) % 4`,
    );
    await exec(
      `INSERT INTO household_last_visits (household_id, last_visited_on)
       SELECT household_id, max(visited_on) FROM visits GROUP BY 1
       ON CONFLICT (household_id) DO UPDATE SET last_visited_on = excluded.last_visited_on`,
    );
    await exec(
      `INSERT INTO volunteer_hours (volunteer_id, activity_id, source, status, starts_at, ends_at, hours, content, organiser,
                                    community_id, street_id, district_id)
       SELECT s.volunteer_id, a.id, 'checkin', 'verified', a.starts_at, a.ends_at, 2.0, a.title, a.organiser,
              a.community_id, a.street_id, a.district_id
       FROM activity_signups s JOIN activities a ON a.id = s.activity_id
       WHERE a.status = 'held' AND s.status = 'confirmed' AND s.volunteer_id IS NOT NULL`,
    );
    await exec('VACUUM ANALYZE visits, household_last_visits, volunteer_hours');
    log(`  visits and volunteer hours generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else log(`${db.name}: reusing the visits and volunteer hours`);
  log(`  ${await rows('visits')} visits, ${await rows('volunteer_hours')} verified volunteer-hour records`);
}
