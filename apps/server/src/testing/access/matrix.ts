import type { RowKind, Side } from './demo-rows.js';
import type { Caller, Who } from './policy.js';

/**
 * The access matrix: one entry per OpenAPI operation (`METHOD /path` exactly as /api/openapi.json spells it).
 * Expected statuses follow from `who` and the row's scope (policy.ts), never from what the server answers.
 *
 * - `row`: the row the path's `{id}` names (the first path parameter), checked in both demo communities;
 *   `'none'` sends a random id (a row that does not exist: 404 for those who may, 403/404 for the others).
 * - `query`: a query string; `{community}` / `{communityCode}` / `{service}` are filled from the row's side.
 * - writes (`write: true`) without a `body` check only that the anonymous get 401 (a schema-valid body per
 *   operation is what the full role check of a write needs; add one to enable it).
 * - `covered`: not run here, with where it is checked; `defect`: the server disagrees with policy (reported to the
 *   lead): the cell is listed as a known defect instead of failing.
 *
 * Adding a route: add one line here; the suite names every operation that has none.
 */
export type Entry = {
  who: Who | readonly Who[];
  row?: RowKind | 'none';
  query?: string;
  write?: boolean;
  body?: unknown;
  /** the success status when it is not 200 */
  ok?: number;
  covered?: string;
  defect?: string;
  /** per-caller statuses where policy singles a caller out (say why next to the entry), for every row or per side */
  callers?: Partial<Record<Caller, readonly number[] | Partial<Record<Side, readonly number[]>>>>;
};

const r = (who: Entry['who'], row?: Entry['row'], more: Partial<Entry> = {}): Entry => ({ who, row, ...more });
const w = (who: Entry['who'], row?: Entry['row'], more: Partial<Entry> = {}): Entry => ({ who, row, write: true, ...more });
const inCommunity = (who: Entry['who'], param = 'communityId', more: Partial<Entry> = {}) =>
  r(who, 'community', { query: `${param}={community}`, ...more });
const ORDERS: readonly Who[] = ['orders.read', 'orders.handle'];
const PROJECTS = 'modules/projects/projects.routes.test.ts (404 other community and unassigned evaluator, 403 per role, 400)';
const PARTY_MORE = 'modules/party/members-more.routes.test.ts (404 other community, 403 per role, 400)';
const SURVEYS = 'modules/surveys/surveys.routes.test.ts (404 other community or compound, 403 per role, 400, answer once)';
const OPEN311 = 'public GeoReport v2: modules/open311/*.test.ts (keys, scope, errors, masking)';

export const ACCESS_MATRIX: Record<string, Entry> = {
  'GET /metrics': r('public'),
  'GET /api/health': r('public'),
  'POST /api/auth/login': { who: 'public', covered: 'modules/auth tests (sign-in, throttling)' },
  'POST /api/auth/logout': w('public'),
  'GET /api/me': r('signed-in'),
  'PUT /api/me/locale': w('signed-in'),
  'POST /api/me/password': w('signed-in'),
  'GET /api/me/email': r('signed-in'),
  'PUT /api/me/email': w('signed-in'),
  'GET /api/users': r('users.read'),
  'POST /api/users': w('users.write'),
  'GET /api/users/{id}': r('users.read', 'user'),
  'PATCH /api/users/{id}': w('users.write', 'user'),
  'GET /api/areas': r('areas.read'),
  'POST /api/areas': w('areas.write'),
  'GET /api/areas/{id}': r('areas.read', 'building'),
  'PATCH /api/areas/{id}': w('areas.write', 'building'),
  'DELETE /api/areas/{id}': w('areas.write', 'building'),
  'GET /api/areas/{id}/layout': r('areas.read', 'building'),
  'PUT /api/areas/{id}/layout': w('areas.write', 'building'),
  // the map shows each household's care tags: registry data
  'GET /api/map/buildings/{id}': r('registry.read', 'building'),
  'GET /api/map/areas/{id}': r('registry.read', 'community'),
  'PUT /api/map/areas/{id}/positions': w('areas.write', 'community'),
  'GET /api/orgs': r('orgs.read'),
  'POST /api/orgs': w('orgs.write'),
  'PATCH /api/orgs/{id}': w('orgs.write', 'none'),
  'DELETE /api/orgs/{id}': w('orgs.write', 'none'),
  'GET /api/audit': r('audit.read'),
  'GET /api/care-tags': inCommunity('registry.read'),
  'PUT /api/care-tags/{code}': w('registry.write'),
  'GET /api/households/{id}/visits': r('registry.read', 'household'),
  // visits/policy.ts: a building leader records comfort visits in its own building
  'POST /api/households/{id}/visits': w('registry.write', 'household', {
    body: { visitedOn: '2026-12-01', notes: '访问矩阵检查' },
    callers: { 'lvyang-leader': { lvyang: [201], anping: [404] } },
    ok: 201,
  }),
  'GET /api/visits/overdue': inCommunity('registry.read', 'areaId'),
  'GET /api/portal/home': r('portal.use'),
  'GET /api/catalogue': r('signed-in'),
  'GET /api/services/{id}': r('signed-in', 'service'),
  'PATCH /api/services/{id}': w('catalogue.write', 'service'),
  'POST /api/services': w('catalogue.write'),
  'GET /api/figures': inCommunity('figures.read', 'areaId'),
  'GET /api/figures/export.xlsx': inCommunity('figures.read', 'areaId'),
  'GET /api/residents': inCommunity('registry.read', 'areaId'),
  'GET /api/residents/{id}': r('registry.read', 'resident'),
  'PATCH /api/residents/{id}': w('registry.write', 'resident'),
  'POST /api/residents/{id}/move-out': w('registry.write', 'resident'),
  'POST /api/residents/{id}/death': w('registry.write', 'resident'),
  // registry/policy.ts: a grid worker may see a phone in full in its own grid (with a reason, audited)
  'POST /api/residents/{id}/reveal': w('pii.reveal', 'resident', {
    body: { fields: ['phone'], reason: '访问矩阵检查' },
    callers: { 'lvyang-grid': { lvyang: [200], anping: [404] } },
  }),
  'GET /api/residents/{id}/history': r('registry.read', 'resident'),
  'GET /api/households': inCommunity('registry.read', 'areaId'),
  'POST /api/households': w('registry.write'),
  'GET /api/households/{id}': r('registry.read', 'household'),
  'PATCH /api/households/{id}': w('registry.write', 'household'),
  'POST /api/households/{id}/members': w('registry.write', 'household'),
  'POST /api/households/{id}/move-out': w('registry.write', 'household'),
  'POST /api/households/{id}/transfer': w('registry.write', 'household'),
  'GET /api/households/{id}/history': r('registry.read', 'household'),
  'GET /api/open311/keys': r('integrations.manage'),
  'POST /api/open311/keys': w('integrations.manage'),
  'POST /api/open311/keys/{id}/revoke': w('integrations.manage', 'none'),
  'POST /api/orders': w(['orders.place', 'portal.use']),
  'GET /api/orders': r('orders.read'),
  'POST /api/orders/{id}/events': w(['orders.desk', 'orders.handle'], 'order'),
  'POST /api/orders/{id}/comments': w(['orders.desk', 'orders.handle', 'orders.place'], 'order', {
    body: { text: '访问矩阵检查的留言' },
    ok: 201,
  }),
  'PUT /api/communities/{id}/order-settings': w('orders.desk', 'community'),
  'GET /api/communities/{id}/order-settings': r(['orders.desk', 'figures.read'], 'community'),
  'GET /api/orders/counts': r('orders.desk', undefined, { query: 'view=desk' }),
  // a resident checks for duplicates of its own building's orders; a volunteer has no home to place orders for
  'GET /api/orders/duplicates': r(['orders.place', 'portal.use'], 'building', {
    query: 'serviceId={service}&buildingId={building}&description=%E6%BC%8F%E6%B0%B4',
    callers: { volunteer: [403] },
  }),
  'GET /api/orders/{id}': r(ORDERS, 'order'),
  'GET /api/orders/{id}/timeline': r(ORDERS, 'order'),
  'GET /api/orders/{id}/duplicates': r('orders.read', 'order'),
  'GET /api/orders/{id}/handler-suggestions': r('orders.desk', 'order'),
  // an empty template: nothing in it to protect
  'GET /api/imports/template.xlsx': r('signed-in'),
  'POST /api/imports': w('registry.write'),
  'GET /api/imports/{id}': r('registry.write', 'none'),
  'POST /api/imports/{id}/dry-run': w('registry.write', 'none'),
  'POST /api/imports/{id}/commit': w('registry.write', 'none'),
  'GET /api/exports/residents.xlsx': inCommunity('registry.read', 'areaId'),
  'GET /api/exports/households.xlsx': inCommunity('registry.read', 'areaId'),
  'POST /api/attachments': w('signed-in'),
  'GET /api/attachments/{id}/content': r('signed-in', 'none'),
  'GET /api/notifications': r('signed-in'),
  'POST /api/notifications/{id}/read': w('signed-in', 'none'),
  'POST /api/notifications/read-all': w('signed-in'),
  'GET /api/notifications/stream': { who: 'signed-in', covered: 'modules/notifications tests (an endless event stream)' },
  'GET /api/party/tree': inCommunity('party.read'),
  'POST /api/party/orgs': w('party.write'),
  'PATCH /api/party/orgs/{id}': w('party.write', 'none'),
  'DELETE /api/party/orgs/{id}': w('party.write', 'none'),
  'GET /api/party/members': inCommunity('party.read'),
  'POST /api/party/members': w('party.write'),
  'GET /api/party/members/{id}': r('party.read', 'partyMember'),
  'PATCH /api/party/members/{id}': w('party.write', 'partyMember'),
  'GET /api/party/figures': inCommunity('party.read'),
  'GET /api/party/residents': { who: 'party.write', covered: PARTY_MORE },
  'GET /api/party/members/me': { who: 'signed-in', covered: PARTY_MORE },
  'POST /api/party/members/{id}/reveal': w('pii.reveal', 'partyMember'),
  'POST /api/party/members/{id}/account': w('party.write', 'partyMember'),
  'GET /api/posts': inCommunity('party.read'),
  'POST /api/posts': w('party.write'),
  'GET /api/posts/mine': r('signed-in'),
  'GET /api/posts/coverage': inCommunity('party.read'),
  'PATCH /api/posts/{id}': w('party.write', 'none'),
  'POST /api/posts/{id}/claim': w('signed-in', 'none'),
  'POST /api/posts/{id}/holders': w('party.write', 'none'),
  'POST /api/post-holders/{id}/moves': w('party.write', 'postHolder'),
  'GET /api/post-holders/{id}/logs': r('party.read', 'postHolder'),
  'POST /api/post-holders/{id}/logs': w('party.write', 'postHolder', {
    body: { on: '2026-12-01', hours: 1, content: '访问矩阵检查' },
    ok: 201,
  }),
  'GET /api/compounds/property': inCommunity('areas.read'),
  'PUT /api/compounds/{compoundId}/property': w('areas.write', 'none'),
  'GET /api/mediation/cases': r('mediation.use'),
  'POST /api/mediation/cases': w('mediation.use'),
  'GET /api/mediation/cases/{id}': r('mediation.use', 'mediationCase'),
  'POST /api/mediation/cases/{id}/sessions': w('mediation.use', 'mediationCase'),
  'POST /api/mediation/cases/{id}/agreements': w('mediation.use', 'mediationCase'),
  'PUT /api/mediation/agreements/{id}': w('mediation.use', 'none'),
  'POST /api/mediation/agreements/{id}/sign': w('mediation.use', 'none'),
  'POST /api/mediation/cases/{id}/close': w('mediation.use', 'mediationCase'),
  'POST /api/mediation/cases/{id}/follow-ups': w('mediation.use', 'mediationCase'),
  // the duty roster of the legal service center is public within the platform
  // portal users and organisation staff see the roster of the community they belong to (Green Yangyuan), not others
  'GET /api/legal/roster': inCommunity('signed-in', 'communityId', {
    callers: { property: [200, 404], resident: [200, 404], volunteer: [200, 404] },
  }),
  'GET /api/legal/consultations': r('legal.use'),
  'POST /api/legal/consultations': w('legal.use'),
  'GET /api/consultations': r('consultations.manage'),
  'POST /api/consultations': w('consultations.manage'),
  'GET /api/consultations/{id}': r('consultations.manage', 'consultation'),
  'POST /api/consultations/{id}/votes': w('consultations.manage', 'consultation'),
  'GET /api/consultations/{id}/parts': r('consultations.manage', 'consultation'),
  'GET /api/consultations/{id}/votes': r('consultations.manage', 'consultation'),
  'POST /api/consultations/{id}/publish': w('consultations.manage', 'consultation'),
  'PUT /api/consultations/owners/{id}': w('consultations.manage', 'resident'),
  'GET /api/meetings': r('meetings.read'),
  'POST /api/meetings': w('meetings.write'),
  'GET /api/meetings/{id}': r('meetings.read', 'meeting'),
  'PUT /api/meetings/{id}': w('meetings.write', 'meeting'),
  'POST /api/meetings/{id}/attendance': w('meetings.write', 'meeting'),
  'POST /api/meetings/{id}/status': w('meetings.write', 'meeting'),
  'POST /api/meetings/{id}/decisions': w('meetings.write', 'meeting'),
  'POST /api/meetings/{id}/decisions/{decisionId}/orders': w('meetings.write', 'meeting'),
  'POST /api/meetings/{id}/decisions/{decisionId}/mediation': w('meetings.write', 'meeting'),
  'POST /api/meetings/{id}/decisions/{decisionId}/tasks': w('meetings.write', 'meeting'),
  'POST /api/meetings/{id}/tasks/{taskId}': w('meetings.write', 'meeting'),
  'GET /api/webhooks': r('integrations.manage'),
  'POST /api/webhooks': w('integrations.manage'),
  'PATCH /api/webhooks/{id}': w('integrations.manage', 'none'),
  'DELETE /api/webhooks/{id}': w('integrations.manage', 'none'),
  'GET /api/webhooks/{id}/deliveries': r('integrations.manage', 'none'),
  'POST /api/webhooks/{id}/test': w('integrations.manage', 'none'),
  'GET /api/volunteers': inCommunity('volunteers.read'),
  'POST /api/volunteers': w('volunteers.write'),
  'GET /api/volunteers/{id}/ledger': r('volunteers.read', 'volunteer'),
  'GET /api/volunteer-teams': inCommunity('volunteers.read'),
  'POST /api/volunteer-teams': w('volunteers.write'),
  'POST /api/volunteer-hours': w('volunteers.write'),
  'POST /api/volunteer-hours/{id}/verify': w('volunteers.write', 'none'),
  'PUT /api/volunteer-stars': w('volunteers.write'),
  'PATCH /api/volunteer-teams/{id}': w('volunteers.write', 'none'),
  'POST /api/volunteer-teams/{id}/members': w('volunteers.write', 'none'),
  'DELETE /api/volunteer-teams/{id}/members/{volunteerId}': w('volunteers.write', 'none'),
  'GET /api/volunteer-hours/pending': inCommunity('volunteers.write'),
  'GET /api/volunteer-orders': r('portal.use'),
  'POST /api/volunteer-orders/{id}/hand': w('portal.use', 'none'),
  'POST /api/volunteer-orders/{id}/give-back': w('portal.use', 'none'),
  'GET /api/activities': inCommunity(['volunteers.read', 'portal.use']),
  'POST /api/activities': w('volunteers.write'),
  'GET /api/activities/figures': inCommunity('volunteers.read'),
  'GET /api/activities/{id}': r(['volunteers.read', 'portal.use'], 'activity'),
  // sign-ups name residents: for those who run activities
  'GET /api/activities/{id}/signups': r('volunteers.write', 'activity'),
  'POST /api/activities/{id}/sign-up': w('portal.use', 'activity'),
  'POST /api/activities/{id}/cancel': w('volunteers.write', 'activity'),
  'POST /api/activities/{id}/check-in': w('volunteers.write', 'activity'),
  'POST /api/activities/{id}/check-out': w('volunteers.write', 'activity'),
  'POST /api/activities/{id}/hold': w('volunteers.write', 'activity'),
  'GET /api/reports/work': inCommunity('reports.read', 'area', { query: 'area={communityCode}' }),
  'GET /api/reports/work.xlsx': inCommunity('reports.read', 'area', { query: 'area={communityCode}' }),
  'GET /api/programmes': inCommunity('programmes.read'),
  'POST /api/programmes': w('programmes.write'),
  'PATCH /api/programmes/{id}': w('programmes.write', 'programme'),
  // grid workers also enrol residents of their own grid: modules/programmes/unserved-actions.routes.test.ts
  'POST /api/programmes/{id}/enrolments': w('programmes.write', 'programme'),
  'POST /api/programmes/{id}/unserved/{residentId}/order': {
    who: 'programmes.read',
    covered: 'modules/programmes/unserved-actions.routes.test.ts (own grid 201, other grid or community 404, 403 per role, 400)',
  },
  'POST /api/programmes/{id}/sessions': w('programmes.write', 'programme'),
  'GET /api/programmes/{id}/enrolments': r('programmes.read', 'programme'),
  'POST /api/programmes/{id}/enrolments/{enrolmentId}/end': w('programmes.write', 'programme'),
  'GET /api/programmes/{id}/unserved': r('programmes.read', 'programme'),
  'GET /api/households/{id}/programmes': r('programmes.read', 'household'),
  'GET /api/social-orgs': r('programmes.read'),
  'POST /api/social-orgs/{id}/workers': w('programmes.write', 'none'),
  // property service surveys: residents answer their own compound's, managers per community, readers per street
  'GET /api/surveys': { who: 'surveys.read', covered: SURVEYS },
  'POST /api/surveys': { who: 'surveys.manage', covered: SURVEYS },
  'GET /api/surveys/ranking': { who: 'surveys.read', covered: SURVEYS },
  'GET /api/surveys/{id}': { who: 'surveys.read', covered: SURVEYS },
  'POST /api/surveys/{id}/answers': { who: 'surveys.read', covered: SURVEYS },
  // service projects: readers by area or provider, evaluators by assignment (no demo-wide row kind for that)
  'GET /api/projects': { who: 'projects.read', covered: PROJECTS },
  'POST /api/projects': { who: 'projects.read', covered: PROJECTS },
  'GET /api/projects/{id}': { who: 'projects.read', covered: PROJECTS },
  'PUT /api/projects/{id}': { who: 'projects.read', covered: PROJECTS },
  'PUT /api/projects/{id}/scorecard': { who: 'projects.read', covered: PROJECTS },
  'PATCH /api/projects/{id}/milestones/{itemId}': { who: 'projects.read', covered: PROJECTS },
  'PATCH /api/projects/{id}/kpis/{itemId}': { who: 'projects.read', covered: PROJECTS },
  'POST /api/projects/{id}/links': { who: 'projects.read', covered: PROJECTS },
  'DELETE /api/projects/{id}/links/{kind}/{targetId}': {
    who: 'projects.read',
    covered: 'modules/projects/project-links.routes.test.ts (404 other community, 403 provider staff, 400)',
  },
  'POST /api/projects/{id}/notes': { who: 'projects.read', covered: PROJECTS },
  'GET /api/social-orgs/{id}/projects': { who: 'projects.read', covered: PROJECTS },
  'POST /api/projects/{id}/evidence': { who: 'projects.read', covered: PROJECTS },
  'GET /api/projects/{id}/evidence/{itemId}/content': { who: 'projects.read', covered: PROJECTS },
  'GET /api/projects/{id}/evaluator-options': { who: 'projects.read', covered: PROJECTS },
  'POST /api/projects/{id}/evaluators': { who: 'projects.read', covered: PROJECTS },
  'DELETE /api/projects/{id}/evaluators/{itemId}': { who: 'projects.read', covered: PROJECTS },
  'POST /api/projects/{id}/evaluations': { who: 'projects.read', covered: PROJECTS },
  'POST /api/projects/{id}/evaluations/{itemId}/reopen': { who: 'projects.read', covered: PROJECTS },
};

/** Open311 operations (every endpoint in .json and .xml) are public and tested in their module. */
export function entryOf(method: string, path: string): Entry | undefined {
  if (path.startsWith('/open311/')) return { who: 'public', covered: OPEN311 };
  return ACCESS_MATRIX[`${method} ${path}`];
}
