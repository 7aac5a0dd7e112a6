/**
 * The floor of the API bench: the three signed-in reads of bench/api.ts written by hand on a bare Fastify, in its own
 * process like the server. Every request looks up its session and the user's role assignments, then runs the page's
 * queries (the SQL the app sends, as named prepared statements through `pg`) and answers JSON of the same shape.
 * No zod, no presenter logic beyond renaming columns, no scope checks, no hooks, no logging.
 */
import { abilitiesOf } from '@linli/contracts';
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
type Row = Record<string, unknown>;
const run = async <T extends pg.QueryResultRow = Row>(name: string, text: string, values: unknown[]) =>
  (await pool.query<T>({ name, text, values })).rows;

const SQL = {
  session: `SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, s.ip,
    u.id, u.username, u.display_name, u.password_hash, u.active, u.locale, u.email, u.resident_id, u.created_at AS user_created_at, u.last_login_at
    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
  assignments: `SELECT ra.user_id, ra.role, ra.area_id, ra.org_id, a.kind, a.name, a.code, a.district_id, a.street_id, a.community_id,
    a.compound_id, a.grid_id, a.building_id, o.name AS org_name, o.street_id AS org_street_id, o.community_id AS org_community_id,
    o.district_id AS org_district_id
    FROM role_assignments ra LEFT JOIN area_nodes a ON a.id = ra.area_id LEFT JOIN handler_orgs o ON o.id = ra.org_id
    WHERE ra.user_id = $1 ORDER BY ra.role, a.code, o.name`,
  householdPage: `SELECT h.id FROM households h
    LEFT JOIN flats f ON f.id = h.flat_id AND f.community_id = $1
    JOIN area_nodes sb ON sb.id = h.building_id AND sb.community_id = $1
    WHERE h.community_id = $1 AND h.status = $2
    ORDER BY sb.code, f.unit_no, f.floor_no, f.position, h.id LIMIT $3 OFFSET $4`,
  householdRest: `SELECT h.id FROM households h
    LEFT JOIN flats f ON f.id = h.flat_id AND f.community_id = $1
    LEFT JOIN area_nodes sb ON sb.id = h.building_id AND sb.community_id = $1
    WHERE h.community_id = $1 AND h.status = $2 AND sb.id IS NULL
    ORDER BY sb.code, f.unit_no, f.floor_no, f.position, h.id LIMIT $3 OFFSET $4`,
  householdCount: `SELECT count(*)::int AS n, count(sb.id)::int AS b FROM households h
    LEFT JOIN area_nodes sb ON sb.id = h.building_id AND sb.community_id = $1
    WHERE h.community_id = $1 AND h.status = $2`,
  householdRows: `SELECT h.id, h.district_id, h.street_id, h.community_id, h.compound_id, h.grid_id, h.building_id, h.flat_id,
    h.tenure, h.tags, h.status, h.moved_in_on, h.moved_out_on, h.created_at, cm.name AS community_name, cp.name AS compound_name,
    bd.name AS building_name, gd.name AS grid_name, f.unit_no, f.flat_no, stats.head_name, stats.member_count
    FROM households h JOIN area_nodes cm ON cm.id = h.community_id LEFT JOIN flats f ON f.id = h.flat_id
    LEFT JOIN area_nodes bd ON bd.id = h.building_id LEFT JOIN area_nodes cp ON cp.id = h.compound_id
    LEFT JOIN area_nodes gd ON gd.id = h.grid_id
    LEFT JOIN (SELECT household_id, (count(*) FILTER (WHERE status = 'active'))::int AS member_count,
      (array_agg(name ORDER BY relation DESC, id) FILTER (WHERE status = 'active' AND relation IN ('01', '02')))[1] AS head_name
      FROM residents WHERE household_id = ANY($1::uuid[]) GROUP BY household_id) stats ON stats.household_id = h.id
    WHERE h.id = ANY($1::uuid[])`,
  // the app's one statement for an order page (orders/repo-refs.ts): the order joined to every name it shows
  order: `SELECT o.*, s.code AS service_code, s.name AS service_name, s.category AS service_category,
    s.emergency AS service_emergency, s.fields AS service_fields, cm.name AS community_name, cp.name AS compound_name,
    bd.name AS building_name, f.unit_no, f.flat_no, ho.name AS org_name, pu.display_name AS placed_by_name,
    hu.display_name AS handler_user_name, mo.order_no AS merged_into_no,
    EXISTS (SELECT 1 FROM community_order_settings c WHERE c.community_id = o.community_id AND c.community_may_close) AS may_close
    FROM orders o JOIN services s ON s.id = o.service_id LEFT JOIN area_nodes cm ON cm.id = o.community_id
    LEFT JOIN area_nodes cp ON cp.id = o.compound_id LEFT JOIN area_nodes bd ON bd.id = o.building_id
    LEFT JOIN flats f ON f.id = o.flat_id LEFT JOIN handler_orgs ho ON ho.id = o.handler_org_id
    LEFT JOIN users pu ON pu.id = o.placed_by LEFT JOIN users hu ON hu.id = o.handler_user_id
    LEFT JOIN orders mo ON mo.id = o.merged_into_id WHERE o.id = $1`,
};

type Assignment = { role: string; area_id: string | null; kind: string | null; name: string | null; code: string | null };
type Session = { user_id: string; username: string; display_name: string; locale: string; csrf_token: string };

async function who(cookie: string | undefined) {
  const token = /linli_sid=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
  const [s] = await run<Session>('session', SQL.session, [createHash('sha256').update(token).digest('base64url')]);
  if (!s) throw Object.assign(new Error('no session'), { statusCode: 401 });
  const assignments = await run<Assignment & Row>('assignments', SQL.assignments, [s.user_id]);
  return { s, assignments };
}

const app = Fastify();
app.get('/floor/me', async (req) => {
  const { s, assignments } = await who(req.headers.cookie);
  const roles = [...new Set(assignments.map((a) => a.role))];
  return {
    user: { id: s.user_id, username: s.username, displayName: s.display_name, locale: s.locale },
    roles,
    scopes: assignments.map((a) => ({ role: a.role, areaId: a.area_id, areaKind: a.kind, areaName: a.name, areaCode: a.code })),
    abilities: abilitiesOf(roles as Parameters<typeof abilitiesOf>[0]),
    grantableRoles: [],
    csrfToken: s.csrf_token,
  };
});
app.get<{ Querystring: { communityId: string } }>('/floor/households', async (req) => {
  await who(req.headers.cookie);
  const c = req.query.communityId;
  // as the app: the households in buildings and the counts at once, the rest only on the page where buildings end
  const [page, [count]] = await Promise.all([
    run<{ id: string }>('householdPage', SQL.householdPage, [c, 'active', 20, 0]),
    run<{ n: number; b: number }>('householdCount', SQL.householdCount, [c, 'active']),
  ]);
  const rest =
    page.length < 20 && count!.b < count!.n
      ? await run<{ id: string }>('householdRest', SQL.householdRest, [c, 'active', 20 - page.length, 0])
      : [];
  const ids = [...page, ...rest];
  const rows = await run('householdRows', SQL.householdRows, [ids.map((r) => r.id)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.map(({ id }) => {
    const r = byId.get(id)!;
    return {
      id,
      address: {
        communityId: r.community_id,
        communityName: r.community_name,
        compoundId: r.compound_id,
        compoundName: r.compound_name,
        buildingId: r.building_id,
        buildingName: r.building_name,
        gridId: r.grid_id,
        gridName: r.grid_name,
        flatId: r.flat_id,
        unitNo: r.unit_no,
        flatNo: r.flat_no,
        text: `${String(r.compound_name)} ${String(r.building_name)} ${String(r.unit_no)}单元 ${String(r.flat_no)}`,
      },
      tenure: r.tenure,
      status: r.status,
      tags: r.tags,
      headName: r.head_name,
      memberCount: r.member_count,
    };
  });
  return { items, total: count!.n, page: 1, pageSize: 20 };
});
app.get<{ Params: { id: string } }>('/floor/orders/:id', async (req) => {
  await who(req.headers.cookie);
  const [o] = await run('order', SQL.order, [req.params.id]);
  if (!o) throw Object.assign(new Error('no order'), { statusCode: 404 });
  const { service_code, service_name, service_category, service_emergency, service_fields, ...order } = o;
  return {
    ...order,
    service: { id: o.service_id, code: service_code, name: service_name, category: service_category, emergency: service_emergency },
    fieldLabels: service_fields,
    handlerOrg: o.handler_org_id ? { id: o.handler_org_id, name: o.org_name } : null,
    placedBy: o.placed_by ? { id: o.placed_by, name: o.placed_by_name } : null,
    handlerUser: o.handler_user_id ? { id: o.handler_user_id, name: o.handler_user_name } : null,
  };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('api floor ready');
