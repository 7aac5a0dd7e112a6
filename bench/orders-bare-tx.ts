import { createHash, timingSafeEqual } from 'node:crypto';
import os from 'node:os';
import { type ServiceField, type TimeLimits, maskPhone, stageDueAt } from '@linli/contracts';
import Fastify from 'fastify';
import pg from 'pg';
import { createPii, loadPiiKeys } from '../apps/server/src/core/pii.js';

/**
 * The floor of order creation: the desk intake written by hand in a bare Fastify route, in its own process like the
 * server. The same work through `pg` with named prepared statements, three round trips: the session with its user
 * and roles; the community and the service (scope and catalogue checks); then order + 'place' event + NOTIFY +
 * audit row in one statement, answering the order JSON with the same fields as the API's.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const pii = createPii(loadPiiKeys({ secretKey: process.env.LINLI_SECRET_KEY, dataDir: os.tmpdir() }));

const SESSION = `SELECT s.user_id, s.csrf_token, s.expires_at, u.username, u.display_name, u.active,
  (SELECT json_agg(json_build_object('role', ra.role, 'areaId', ra.area_id)) FROM role_assignments ra WHERE ra.user_id = u.id) AS roles
  FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`;
const PLACE = `SELECT a.kind, a.name, a.district_id, a.street_id, s.code, s.name AS service_name, s.category, s.emergency,
  s.active, s.street_id AS service_street_id, s.fields, s.time_limits
  FROM area_nodes a, services s WHERE a.id = $1 AND s.id = $2`;
const INSERT = `WITH o AS (
  INSERT INTO orders (id, order_no, service_id, category, emergency, status, channel, description, fields, district_id,
    street_id, community_id, address, contact_name, contact_phone_enc, placed_by, placed_at, stage_started_at,
    stage_due_at, dispatch_due_at, updated_at)
  VALUES (gen_random_uuid(), $1 || lpad(nextval('order_no_seq')::text, 7, '0'), $2, $3, $4, 'placed', 'desk', $5, '{}',
    $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $14, $13)
  RETURNING *
), e AS (
  INSERT INTO order_events (order_id, district_id, street_id, community_id, kind, actor_id, actor_name, to_status, text, details, at)
  SELECT id, district_id, street_id, community_id, 'place', placed_by, $15, 'placed', description, $16, placed_at FROM o
  RETURNING id
), a AS (
  INSERT INTO audit_log (actor_id, actor_name, action, entity_type, entity_id, outcome, ip, request_id, street_id, community_id, details)
  SELECT placed_by, $17, 'order.place', 'order', id::text, 'ok', $18, $19, street_id, community_id,
    jsonb_build_object('orderNo', order_no, 'channel', 'desk', 'serviceId', service_id, 'attachments', 0) FROM o
), n AS (SELECT pg_notify('linli_order_events', id::text) FROM o)
SELECT o.*, e.id AS event_id,
  EXISTS (SELECT 1 FROM community_order_settings c WHERE c.community_id = o.community_id AND c.community_may_close) AS may_close
FROM o, e, n`;

type SessionRow = {
  user_id: string;
  csrf_token: string;
  expires_at: Date;
  username: string;
  display_name: string;
  active: boolean;
  roles: { role: string; areaId: string }[] | null;
};
type PlaceRow = {
  kind: string;
  name: string;
  district_id: string;
  street_id: string;
  code: string;
  service_name: string;
  category: string;
  emergency: boolean;
  active: boolean;
  service_street_id: string;
  fields: ServiceField[];
  time_limits: TimeLimits;
};
type InsertedRow = {
  id: string;
  order_no: string;
  status: string;
  channel: string;
  description: string;
  address: string;
  event_id: string;
  may_close: boolean;
};

const query = async <R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) =>
  (await pool.query<R>({ name, text, values })).rows[0];
const cookieToken = (header: string | undefined) => /(?:^|;\s*)linli_sid=([^;]+)/.exec(header ?? '')?.[1];
const day = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Body = { serviceId: string; description: string; intake: { contactName: string; contactPhone: string; address: string } };

const app = Fastify();
app.post<{ Body: Body }>('/orders', async (req, reply) => {
  const token = cookieToken(req.headers.cookie);
  const s = token ? await query<SessionRow>('floor_session', SESSION, [createHash('sha256').update(token).digest('base64url')]) : null;
  const csrf = String(req.headers['x-csrf-token'] ?? '');
  if (
    !s ||
    !s.active ||
    s.expires_at <= new Date() ||
    csrf.length !== s.csrf_token.length ||
    !timingSafeEqual(Buffer.from(csrf), Buffer.from(s.csrf_token))
  )
    return reply.status(401).send({ error: 'UNAUTHENTICATED' });
  const communityId = (s.roles ?? []).find((r) => r.role === 'community_staff')?.areaId;
  if (!communityId) return reply.status(403).send({ error: 'FORBIDDEN' });
  const { serviceId, description, intake } = req.body;
  const p = await query<PlaceRow>('floor_place', PLACE, [communityId, serviceId]);
  if (!p || p.kind !== 'community') return reply.status(404).send({ error: 'NOT_FOUND' });
  if (!p.active || p.service_street_id !== p.street_id) return reply.status(400).send({ error: 'INVALID', path: 'serviceId' });
  const now = new Date();
  const due = stageDueAt('dispatch', now, p.time_limits, { emergency: p.emergency });
  const o = await query<InsertedRow>('floor_insert', INSERT, [
    day(now),
    serviceId,
    p.category,
    p.emergency,
    description,
    p.district_id,
    p.street_id,
    communityId,
    intake.address || p.name,
    intake.contactName,
    pii.encrypt(intake.contactPhone),
    s.user_id,
    now,
    due,
    s.display_name,
    JSON.stringify({ channel: 'desk', serviceId, via: 'phone' }),
    s.username,
    req.ip,
    String(req.id),
  ]);
  return reply.status(201).send({
    id: o!.id,
    orderNo: o!.order_no,
    status: o!.status,
    channel: o!.channel,
    service: { id: serviceId, code: p.code, name: p.service_name, category: p.category, emergency: p.emergency },
    description: o!.description,
    place: o!.address,
    communityId,
    gridId: null,
    buildingId: null,
    handlerOrg: null,
    clock: { stage: 'dispatch', dueAt: iso(due), overdue: false, escalationLevel: 0, paused: false },
    placedAt: iso(now),
    reworkCount: 0,
    extensionPending: false,
    abilities: { events: ['dispatch', 'suspend', 'withdraw'], canComment: true, canCommentInternal: true },
    version: 1,
    fields: {},
    fieldLabels: p.fields.map((f) => ({ code: f.code, label: f.label })),
    residentId: null,
    householdId: null,
    contactName: intake.contactName,
    contactPhone: maskPhone(intake.contactPhone),
    placedBy: { id: s.user_id, name: s.display_name },
    consent: null,
    handlerUser: null,
    deadlines: { dispatchDueAt: iso(due), acceptDueAt: null, handleDueAt: null, confirmDueAt: null, closeDueAt: null },
    extension: null,
    extensionCount: 0,
    rating: null,
    ratingReasons: [],
    outcome: null,
    mergedInto: null,
    closedAt: null,
    eventId: String(o!.event_id),
    communityMayClose: o!.may_close,
  });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('bare transaction ready');
