/**
 * The floor of the registry bench: the same reads as the app's resident search and household list, written by
 * hand as prepared statements through `pg` on a bare Fastify, in its own process like the server. Each request
 * resolves its session and role assignments as the app does; the scope (level and area id) comes in the query
 * string, and the rows go out as they come (no zod, no presenter, no decryption for masks).
 */
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const named = (text: string) => `r${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
const run = async <T extends pg.QueryResultRow>(text: string, values: unknown[]) =>
  (await pool.query<T>({ name: named(text), text, values })).rows;

const SESSION = `SELECT s.*, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`;
const ASSIGNMENTS = `SELECT ra.*, a.community_id, a.street_id, a.district_id FROM role_assignments ra
  LEFT JOIN area_nodes a ON a.id = ra.area_id WHERE ra.user_id = $1`;

async function who(cookie: string | undefined): Promise<void> {
  const token = /linli_sid=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
  const [u] = await run<{ user_id: string }>(SESSION, [createHash('sha256').update(token).digest('base64url')]);
  if (!u) throw Object.assign(new Error('no session'), { statusCode: 401 });
  await run(ASSIGNMENTS, [u.user_id]);
}

type Level = 'community' | 'street';
const ORDER = `sb.code, f.unit_no, f.floor_no, f.position, h.id`;
const scoped = (level: Level) => `
  LEFT JOIN flats f ON f.id = h.flat_id AND f.${level}_id = $1`;

/**
 * The condition on q (from $2 on) and its values, as the app reads q: pinyin initials, a 4-digit tail or a name. With
 * `keys` false a name is matched exactly only (the app's walk in address order leaves the name keys out).
 */
function nameCondition(level: Level, areaId: string, q: string, keys = true): { sql: string; values: unknown[] } {
  if (/^[A-Za-z]+$/.test(q)) return { sql: `(r.name_initials LIKE $2 OR r.name ILIKE $3)`, values: [`${q.toLowerCase()}%`, `%${q}%`] };
  if (/^\d{4}$/.test(q)) return { sql: `(r.phone_tail = $2 OR r.id_tail = $2)`, values: [q] };
  const chars = [...q];
  const pieces = chars.length < 2 ? chars : [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
  const prefix = `${level[0]}${areaId.slice(0, 8)}`;
  const match = chars.length >= 3 ? `r.name ILIKE '%' || $2 || '%'` : `strpos(r.name, $2) > 0`;
  if (!keys) return { sql: match, values: [q] };
  return {
    sql: `${match} AND resident_name_keys(r.community_id, r.street_id, r.name) @> $3::text[]`,
    values: [q, pieces.map((p) => prefix + p.toLowerCase())],
  };
}

/** As the app's resident search (repo-resident-page.ts): the count stops here, and a page past it is walked. */
const COUNT_CAP = 1_000;

const RESIDENTS = `SELECT r.id, r.household_id, r.district_id, r.street_id, r.community_id, h.compound_id, r.grid_id, r.building_id,
  r.name, r.id_number_enc, r.id_tail, r.phone_enc, r.phone_tail, r.sex, r.birth_date, r.relation, r.political, r.ethnicity,
  r.resident_type, r.status, r.tags, r.volunteer, r.note, r.moved_in_on, r.moved_out_on, r.died_on,
  h.community_id AS a_community_id, cm.name AS community_name, cp.name AS compound_name, h.building_id AS a_building_id,
  bd.name AS building_name, h.grid_id AS a_grid_id, gd.name AS grid_name, h.flat_id, f.unit_no, f.flat_no
  FROM residents r JOIN households h ON h.id = r.household_id JOIN area_nodes cm ON cm.id = h.community_id
  LEFT JOIN flats f ON f.id = h.flat_id LEFT JOIN area_nodes bd ON bd.id = h.building_id
  LEFT JOIN area_nodes cp ON cp.id = h.compound_id LEFT JOIN area_nodes gd ON gd.id = h.grid_id
  WHERE r.id = ANY($1::uuid[]) ORDER BY r.relation, r.id`;

const HOUSEHOLDS = `SELECT h.id, h.district_id, h.street_id, h.community_id, h.compound_id, h.grid_id, h.building_id, h.flat_id,
  h.tenure, h.tags, h.status, h.moved_in_on, h.moved_out_on, h.created_at, cm.name AS community_name, cp.name AS compound_name,
  bd.name AS building_name, gd.name AS grid_name, f.unit_no, f.flat_no, s.head_name, s.member_count
  FROM households h JOIN area_nodes cm ON cm.id = h.community_id
  LEFT JOIN flats f ON f.id = h.flat_id LEFT JOIN area_nodes bd ON bd.id = h.building_id
  LEFT JOIN area_nodes cp ON cp.id = h.compound_id LEFT JOIN area_nodes gd ON gd.id = h.grid_id
  LEFT JOIN (SELECT household_id, (count(*) FILTER (WHERE status = 'active'))::int AS member_count,
    (array_agg(name ORDER BY relation DESC, id) FILTER (WHERE status = 'active' AND relation IN ('01', '02')))[1] AS head_name
    FROM residents WHERE household_id = ANY($1::uuid[]) GROUP BY household_id) s ON s.household_id = h.id
  WHERE h.id = ANY($1::uuid[])`;

type Query = { level: Level; area: string; q?: string; page?: string; pageSize?: string };
const paging = (q: Query) => {
  const size = Number(q.pageSize ?? 20);
  return { size, offset: (Number(q.page ?? 1) - 1) * size };
};

const app = Fastify();
app.get<{ Querystring: Query }>('/bare/residents', async (req) => {
  await who(req.headers.cookie);
  const { level, area } = req.query;
  const { size, offset } = paging(req.query);
  const q = (req.query.q ?? '').normalize('NFKC').replace(/\s+/g, '');
  const from = `FROM residents r JOIN households h ON h.id = r.household_id`;
  const where = (c: { sql: string }) => `WHERE r.${level}_id = $1 AND h.${level}_id = $1 AND r.status = 'active' AND ${c.sql}`;
  const cond = nameCondition(level, area, q);
  const [count] = await run<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 ${from} ${where(cond)} LIMIT ${COUNT_CAP}) c`, [
    area,
    ...cond.values,
  ]);
  // below the cap every match is sorted; at it the scope's buildings are walked in code order (the bench's queries
  // never page past the residents in buildings, so the app's second part for the rest is left out here)
  const walk = count!.n >= COUNT_CAP;
  const c = walk ? nameCondition(level, area, q, false) : cond;
  const n = c.values.length + 3;
  const ids = await run<{ id: string }>(
    `SELECT r.id ${from} ${scoped(level)} ${walk ? '' : 'LEFT '}JOIN area_nodes sb ON sb.id = h.building_id AND sb.${level}_id = $1
      ${where(c)} ORDER BY ${ORDER}, r.relation, r.id LIMIT $${n - 1} OFFSET $${n}`,
    [area, ...c.values, size, offset],
  );
  const byId = new Map((await run<{ id: string }>(RESIDENTS, [ids.map((r) => r.id)])).map((r) => [r.id, r]));
  return { items: ids.map((r) => byId.get(r.id)), total: count!.n, totalCapped: walk };
});

app.get<{ Querystring: Query }>('/bare/households', async (req) => {
  await who(req.headers.cookie);
  const { level, area } = req.query;
  const { size, offset } = paging(req.query);
  const where = `WHERE h.${level}_id = $1 AND h.status = 'active'`;
  const [ids, [count]] = await Promise.all([
    run<{ id: string }>(
      `SELECT h.id FROM households h ${scoped(level)} JOIN area_nodes sb ON sb.id = h.building_id AND sb.${level}_id = $1
        ${where} ORDER BY ${ORDER} LIMIT $2 OFFSET $3`,
      [area, size, offset],
    ),
    run<{ n: number; b: number }>(
      `SELECT count(*)::int AS n, count(sb.id)::int AS b FROM households h
        LEFT JOIN area_nodes sb ON sb.id = h.building_id AND sb.${level}_id = $1 ${where}`,
      [area],
    ),
  ]);
  const byId = new Map((await run<{ id: string }>(HOUSEHOLDS, [ids.map((r) => r.id)])).map((r) => [r.id, r]));
  return { items: ids.map((r) => byId.get(r.id)), total: count!.n };
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare registry ready');
