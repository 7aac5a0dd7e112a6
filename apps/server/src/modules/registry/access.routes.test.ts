import { HouseholdDto, ResidentSearchItem } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Agent,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildFlat,
  buildHousehold,
  buildOrg,
  buildUser,
  signIn,
  TEST_PASSWORD,
  useTestApp,
} from '../../testing/index.js';
import { registryKit } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

type Call = [method: 'GET' | 'POST' | 'PATCH', url: string, body?: object];

/** Every registry route that names a household or resident, with a valid body. */
function routesFor(householdId: string, residentId: string, flatId: string): Call[] {
  return [
    ['GET', `/api/residents/${residentId}`],
    ['GET', `/api/residents/${residentId}/history`],
    ['PATCH', `/api/residents/${residentId}`, { name: '改名' }],
    ['POST', `/api/residents/${residentId}/move-out`, { date: '2025-01-01' }],
    ['POST', `/api/residents/${residentId}/death`, { date: '2025-01-01' }],
    ['POST', `/api/residents/${residentId}/reveal`, { fields: ['idNumber'], reason: '核对信息' }],
    ['GET', `/api/households/${householdId}`],
    ['GET', `/api/households/${householdId}/history`],
    ['PATCH', `/api/households/${householdId}`, { tenure: 'rented' }],
    ['POST', `/api/households/${householdId}/members`, { name: '新人', relation: '20' }],
    ['POST', `/api/households/${householdId}/move-out`, { date: '2025-01-01' }],
    ['POST', `/api/households/${householdId}/transfer`, { flatId, date: '2025-01-01' }],
    ['POST', '/api/households', { flatId, members: [{ name: '户主', relation: '02' }] }],
  ];
}
const isWrite = ([method, url]: Call) => method !== 'GET' && !url.endsWith('/reveal');

async function statuses(agent: Agent, calls: Call[]) {
  const out: string[] = [];
  for (const [method, url, payload] of calls) {
    const res = await agent.request({ method, url, payload });
    out.push(`${method} ${url.replace(/[0-9a-f-]{36}/g, ':id')} ${res.statusCode}`);
  }
  return out;
}
const expectAll = (got: string[], status: number) => expect(got.filter((s) => !s.endsWith(` ${status}`))).toEqual([]);

let A: Tree;
let B: Tree;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
});

describe('registry access', () => {
  it('community_admin: cannot see or change a household or resident of another community (404 on every route)', async () => {
    const admin = await kit.as('community_admin', A.community.id);
    const h = await buildHousehold(ctx.t.db, B.building);
    const flat = await buildFlat(ctx.t.db, B.building);
    expectAll(await statuses(admin, routesFor(h.id, h.members[0]!.id, flat.id)), 404);
    expect(await kit.count('registry_history', 'household_id = $1', [h.id])).toBe(0);
    expect(await kit.count('households', 'flat_id = $1', [flat.id])).toBe(0);
  });

  it('grid_worker: cannot see or change a household of another grid of their community (404)', async () => {
    const grid2 = await buildArea(ctx.t.db, 'grid', A.community);
    const worker = await kit.as('grid_worker', grid2.id);
    const h = await buildHousehold(ctx.t.db, A.building);
    const flat = await buildFlat(ctx.t.db, A.building);
    expectAll(await statuses(worker, routesFor(h.id, h.members[0]!.id, flat.id)), 404);
  });

  it('building_leader: can read their building but cannot change it (403) or reveal (403)', async () => {
    const leader = await kit.as('building_leader', A.building.id);
    const h = await buildHousehold(ctx.t.db, A.building);
    const flat = await buildFlat(ctx.t.db, A.building);
    const calls = routesFor(h.id, h.members[0]!.id, flat.id);
    expectAll(
      await statuses(
        leader,
        calls.filter((c) => c[0] === 'GET'),
      ),
      200,
    );
    expectAll(
      await statuses(
        leader,
        calls.filter((c) => c[0] !== 'GET'),
      ),
      403,
    );
    expect(ResidentSearchItem.parse((await leader.get(`/api/residents/${h.members[0]!.id}`)).json()).abilities).toEqual({
      canEdit: false,
      canReveal: false,
      canRevealPhone: false,
    });
    expect(HouseholdDto.parse((await leader.get(`/api/households/${h.id}`)).json()).abilities.canEdit).toBe(false);
  });

  it('handler_staff: cannot use the registry at all (403 on every route and on the lists)', async () => {
    const org = await buildOrg(ctx.t.db, A.community);
    const u = await buildUser(ctx.t.db, 'handler_staff', { orgId: org.id });
    const agent = await signIn(ctx.app, u.username, TEST_PASSWORD);
    const h = await buildHousehold(ctx.t.db, A.building);
    const flat = await buildFlat(ctx.t.db, A.building);
    const calls: Call[] = [...routesFor(h.id, h.members[0]!.id, flat.id), ['GET', '/api/residents'], ['GET', '/api/households']];
    expectAll(await statuses(agent, calls), 403);
  });

  it('street_supervisor: can read every community of the street but change nothing (403)', async () => {
    const sup = await kit.as('street_supervisor', A.street.id);
    const h = await buildHousehold(ctx.t.db, B.building);
    const flat = await buildFlat(ctx.t.db, B.building);
    const calls = routesFor(h.id, h.members[0]!.id, flat.id);
    expectAll(await statuses(sup, calls.filter(isWrite)), 403);
    expect((await sup.get(`/api/households/${h.id}`)).statusCode).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/residents' });
    expect(res.statusCode).toBe(401);
  });
});
