import type { BenchDb } from './bench-db.js';

/** Issue 8's district figures: about 40,000 party members and 60,000 volunteers over 860,000 residents. */
export const PARTY_MEMBERS = 40_000;
export const VOLUNTEERS = 60_000;
const WEEKS = 52;
const PAST_SIGNUPS = 20;

export type PartyCounts = { members: number; volunteers: number; users: number; activities: number; signups: number };

const fmt = (n: number) => n.toLocaleString('en-US');
const count = async (db: BenchDb, from: string) =>
  (await db.pool.query<{ c: number }>(`SELECT count(*)::int AS c FROM ${from}`)).rows[0]!.c;

/**
 * Party members (in the leaf organisations of their community's party tree, from the district generator),
 * volunteers with a resident account each, and a year of weekly held activities per community with
 * `PAST_SIGNUPS` confirmed sign-ups each, straight in SQL. `share` scales the counts with BENCH_SCALE.
 * Runs once per kept dataset: a database that already has party members is reused.
 */
export async function ensurePartyData(db: BenchDb, share: number, passwordHash: string, log: (m: string) => void): Promise<PartyCounts> {
  if ((await count(db, 'party_members')) === 0) {
    const started = performance.now();
    const exec = async (statement: string, values?: unknown[]) => void (await db.pool.query(statement, values));
    await exec(
      `WITH leaves AS (
         SELECT community_id, array_agg(id ORDER BY id) AS ids FROM party_orgs o
         WHERE NOT EXISTS (SELECT 1 FROM party_orgs c WHERE c.parent_id = o.id) GROUP BY community_id)
       INSERT INTO party_members (org_id, resident_id, standing, joined_on, education, employment, registration, status,
                                  community_id, street_id, district_id)
       SELECT l.ids[1 + abs(hashtext(r.id::text || 'org')) % array_length(l.ids, 1)], r.id,
              CASE WHEN abs(hashtext(r.id::text)) % 20 = 0 THEN 'probationary' ELSE 'full' END,
              date '1970-01-01' + abs(hashtext(r.id::text || 'joined')) % 19000,
              NULL, CASE WHEN r.birth_date < now() - interval '60 years' THEN 'retired' ELSE 'in_service' END,
              'local', 'active', r.community_id, r.street_id, r.district_id
       FROM residents r JOIN leaves l USING (community_id)
       WHERE r.birth_date < now() - interval '18 years'
       ORDER BY md5(r.id::text || 'party') LIMIT $1`,
      [Math.round(PARTY_MEMBERS * share)],
    );
    await exec(
      `INSERT INTO volunteers (resident_id, name, skills, registered_by, status, community_id, street_id, district_id)
       SELECT r.id, r.name, ARRAY['陪伴'], 'staff', 'active', r.community_id, r.street_id, r.district_id
       FROM residents r WHERE r.birth_date < now() - interval '16 years'
       ORDER BY md5(r.id::text || 'volunteer') LIMIT $1`,
      [Math.round(VOLUNTEERS * share)],
    );
    // every volunteer signs in as a resident (role on their building), as the portal's residents do
    await exec(
      `INSERT INTO users (username, display_name, password_hash, resident_id)
       SELECT 'bench-v-' || v.id, v.name, $1, v.resident_id FROM volunteers v`,
      [passwordHash],
    );
    await exec(`UPDATE volunteers v SET user_id = u.id FROM users u WHERE u.username = 'bench-v-' || v.id`);
    await exec(
      `INSERT INTO role_assignments (user_id, role, area_id)
       SELECT u.id, 'resident', r.building_id FROM users u JOIN residents r ON r.id = u.resident_id
       WHERE u.username LIKE 'bench-v-%'`,
    );
    await exec(
      `INSERT INTO activities (kind, title, organiser, place, starts_at, ends_at, capacity, checkin_code, status,
                               community_id, street_id, district_id)
       SELECT (ARRAY['volunteer_service','cultural','educational','party_day','micro_lecture'])[1 + w % 5],
              '第' || (w + 1) || '周 社区活动', '社区党委', '党群服务中心',
              date_trunc('hour', now()) - (${WEEKS} - w) * interval '7 days',
              date_trunc('hour', now()) - (${WEEKS} - w) * interval '7 days' + interval '2 hours',
              40, lpad((w * 7919 % 1000000)::text, 6, '0'), 'held', c.id, c.street_id, c.district_id
       FROM area_nodes c CROSS JOIN generate_series(0, ${WEEKS - 1}) w WHERE c.kind = 'community'`,
    );
    await exec(
      `INSERT INTO activity_signups (activity_id, user_id, volunteer_id, display_name, status, checked_in_at, checked_out_at, created_at)
       SELECT a.id, v.user_id, v.id, v.name, 'confirmed', a.starts_at, a.ends_at, a.starts_at - interval '3 days'
       FROM activities a CROSS JOIN LATERAL (
         SELECT * FROM volunteers v WHERE v.community_id = a.community_id
         ORDER BY md5(v.id::text || a.id::text) LIMIT ${PAST_SIGNUPS}) v`,
    );
    await exec(
      `UPDATE activities a SET confirmed_count = s.n, people_served = s.n
       FROM (SELECT activity_id, count(*)::int AS n FROM activity_signups GROUP BY 1) s WHERE s.activity_id = a.id`,
    );
    await exec('VACUUM ANALYZE party_members, volunteers, users, role_assignments, activities, activity_signups');
    log(`  party and volunteers generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else log(`${db.name}: reusing the party and volunteer data`);
  const counts = {
    members: await count(db, 'party_members'),
    volunteers: await count(db, 'volunteers'),
    users: await count(db, 'users'),
    activities: await count(db, `activities WHERE status = 'held'`),
    signups: await count(db, `activity_signups s JOIN activities a ON a.id = s.activity_id WHERE a.status = 'held'`),
  };
  log(
    `  ${fmt(counts.members)} party members, ${fmt(counts.volunteers)} volunteers, ${fmt(counts.activities)} activities, ` +
      `${fmt(counts.signups)} past sign-ups`,
  );
  return counts;
}
