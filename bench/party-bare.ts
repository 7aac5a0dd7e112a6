/**
 * The raw baseline of the party bench: the same reads and writes as the three Linli endpoints, as prepared
 * statements through `pg` on a bare Fastify, in its own process like the server. Every request resolves its
 * session and role assignments as the app does; no zod, no presenter, no abilities, no scope logic.
 */
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
type Conn = pg.Pool | pg.PoolClient;
const run = async <T extends pg.QueryResultRow>(db: Conn, name: string, text: string, values: unknown[]) =>
  (await db.query<T>({ name, text, values })).rows;

const SQL = {
  session: `SELECT s.*, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
  assignments: `SELECT ra.*, a.community_id, a.street_id, a.district_id FROM role_assignments ra
    LEFT JOIN area_nodes a ON a.id = ra.area_id WHERE ra.user_id = $1`,
  area: `SELECT * FROM area_nodes WHERE id = $1`,
  orgs: `SELECT * FROM party_orgs WHERE community_id = $1 ORDER BY position, name`,
  figureOrgs: `SELECT id, parent_id, kind, name, community_id FROM party_orgs WHERE community_id = $1`,
  figureMembers: `SELECT org_id, coalesce((SELECT r.birth_date FROM residents r WHERE r.id = m.resident_id), m.birth_date) AS birth_date,
    education, standing, registration, employment FROM party_members m WHERE community_id = $1 AND status = 'active'`,
  figurePosts: `SELECT party_org_id, EXISTS (SELECT 1 FROM post_holders h WHERE h.post_id = p.id AND h.status = 'active') AS held
    FROM posts p WHERE community_id = $1 AND active`,
  areas: `SELECT * FROM area_nodes WHERE id = ANY($1::uuid[])`,
  names: `SELECT m.id, coalesce(r.name, m.name) AS name FROM party_members m LEFT JOIN residents r ON r.id = m.resident_id
    WHERE m.id = ANY($1::uuid[])`,
  org: `SELECT * FROM party_orgs WHERE id = $1`,
  subtree: `WITH RECURSIVE t AS (SELECT id FROM party_orgs WHERE id = $1
    UNION ALL SELECT o.id FROM party_orgs o JOIN t ON o.parent_id = t.id) SELECT id FROM t`,
  members: `SELECT m.id, m.org_id, o.name AS org_name, o.kind AS org_kind, m.resident_id, coalesce(r.name, m.name) AS name,
    coalesce(r.sex, m.sex, 0) AS sex, coalesce(r.birth_date, m.birth_date) AS birth_date, coalesce(r.phone_tail, m.phone_tail) AS phone_tail,
    m.standing, m.joined_on, m.education, m.employment, m.registration, m.flow, m.status, m.community_id
    FROM party_members m JOIN party_orgs o ON o.id = m.org_id LEFT JOIN residents r ON r.id = m.resident_id
    WHERE m.community_id = $1 AND m.status = 'active' AND m.org_id = ANY($2::uuid[])
    ORDER BY o.name, coalesce(r.name_initials, m.name), m.id LIMIT $3 OFFSET $4`,
  memberCount: `SELECT count(*)::int AS n FROM party_members m LEFT JOIN residents r ON r.id = m.resident_id
    WHERE m.community_id = $1 AND m.status = 'active' AND m.org_id = ANY($2::uuid[])`,
  hours: `SELECT member_id, sum(hours) FROM duty_logs WHERE member_id = ANY($1::uuid[]) GROUP BY member_id`,
  holdings: `SELECT h.member_id, h.id, p.id AS post_id, p.title, h.status FROM post_holders h JOIN posts p ON p.id = h.post_id
    WHERE h.member_id = ANY($1::uuid[]) AND h.status IN ('claimed', 'active') ORDER BY p.title`,
  profile: `SELECT array_remove(ARRAY[r.community_id, h.compound_id, r.grid_id, r.building_id], NULL) AS ids, r.tags || h.tags AS tags
    FROM residents r JOIN households h ON h.id = r.household_id WHERE r.id = $1`,
  volunteer: `SELECT id, team_id FROM volunteers WHERE user_id = $1 AND status = 'active'`,
  lock: `SELECT * FROM activities WHERE id = $1 FOR UPDATE`,
  liveSignup: `SELECT * FROM activity_signups WHERE activity_id = $1 AND user_id = $2 AND status <> 'cancelled'`,
  insertSignup: `INSERT INTO activity_signups (activity_id, user_id, volunteer_id, display_name, status) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
  bump: `UPDATE activities SET confirmed_count = $2 WHERE id = $1`,
  audit: `INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, street_id, community_id, details)
    VALUES ($1, $2, 'activity.sign_up', 'activity_signup', $3, $4, $5, $6)`,
  activity: `SELECT a.*, (SELECT count(*)::int FROM activity_signups s WHERE s.activity_id = a.id AND s.status = 'waitlisted') AS waitlisted
    FROM activities a WHERE a.id = $1`,
};

type User = { user_id: string; display_name: string; resident_id: string | null };
async function who(cookie: string | undefined): Promise<User> {
  const token = /linli_sid=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
  const [u] = await run<User>(pool, 'session', SQL.session, [createHash('sha256').update(token).digest('base64url')]);
  if (!u) throw Object.assign(new Error('no session'), { statusCode: 401 });
  await run(pool, 'assignments', SQL.assignments, [u.user_id]);
  return u;
}

const app = Fastify();
app.get<{ Querystring: { communityId: string } }>('/bare/party/tree', async (req) => {
  await who(req.headers.cookie);
  const c = req.query.communityId;
  await run(pool, 'area', SQL.area, [c]);
  const [orgs] = await Promise.all([
    run<{ area_id: string; secretary_member_id: string | null }>(pool, 'orgs', SQL.orgs, [c]),
    run(pool, 'figureOrgs', SQL.figureOrgs, [c]),
    run(pool, 'figureMembers', SQL.figureMembers, [c]),
    run(pool, 'figurePosts', SQL.figurePosts, [c]),
  ]);
  const secretaries = orgs.flatMap((o) => (o.secretary_member_id ? [o.secretary_member_id] : []));
  await Promise.all([
    run(pool, 'areas', SQL.areas, [[...new Set(orgs.map((o) => o.area_id))]]),
    run(pool, 'names', SQL.names, [secretaries]),
  ]);
  return { items: orgs };
});
app.get<{ Querystring: { orgId: string; page: string; pageSize: string } }>('/bare/party/members', async (req) => {
  await who(req.headers.cookie);
  const [org] = await run<{ community_id: string }>(pool, 'org', SQL.org, [req.query.orgId]);
  const ids = (await run<{ id: string }>(pool, 'subtree', SQL.subtree, [req.query.orgId])).map((r) => r.id);
  const size = Number(req.query.pageSize);
  const [rows, total] = await Promise.all([
    run<{ id: string }>(pool, 'members', SQL.members, [org!.community_id, ids, size, (Number(req.query.page) - 1) * size]),
    run(pool, 'memberCount', SQL.memberCount, [org!.community_id, ids]),
  ]);
  const memberIds = rows.map((r) => r.id);
  await Promise.all([run(pool, 'hours', SQL.hours, [memberIds]), run(pool, 'holdings', SQL.holdings, [memberIds])]);
  return { items: rows, total: total[0] };
});
app.post<{ Params: { id: string } }>('/bare/activities/:id/sign-up', async (req) => {
  const u = await who(req.headers.cookie);
  await run(pool, 'profile', SQL.profile, [u.resident_id]);
  const [v] = await run<{ id: string }>(pool, 'volunteer', SQL.volunteer, [u.user_id]);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const [a] = await run<{ id: string; capacity: number; confirmed_count: number; street_id: string; community_id: string }>(
      client,
      'lock',
      SQL.lock,
      [req.params.id],
    );
    if ((await run(client, 'liveSignup', SQL.liveSignup, [a!.id, u.user_id])).length) throw new Error('already signed up');
    const status = a!.confirmed_count < a!.capacity ? 'confirmed' : 'waitlisted';
    const [s] = await run<{ id: string }>(client, 'insertSignup', SQL.insertSignup, [
      a!.id,
      u.user_id,
      v?.id ?? null,
      u.display_name,
      status,
    ]);
    if (status === 'confirmed') await run(client, 'bump', SQL.bump, [a!.id, a!.confirmed_count + 1]);
    await run(client, 'audit', SQL.audit, [u.user_id, u.display_name, s!.id, a!.street_id, a!.community_id, { activityId: a!.id, status }]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  const [a] = await run(pool, 'activity', SQL.activity, [req.params.id]);
  await run(pool, 'liveSignup', SQL.liveSignup, [req.params.id, u.user_id]);
  return a;
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare party ready');
