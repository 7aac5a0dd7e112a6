import { OrderList, type OrderStatus } from '@linli/contracts';
import { expect } from 'vitest';
import { orders } from '../../db/schema/index.js';
import {
  type Agent,
  type TestApp,
  type Tree,
  buildCommunityTree,
  buildOrderRow,
  buildOrg,
  buildService,
  testPii,
} from '../../testing/index.js';
import { person, residentIn } from './test-kit.js';

const HOUR = 3_600_000;
export const hoursFromNow = (h: number) => new Date(Date.now() + h * HOUR);

/**
 * Two communities of one street; two handler organisations (the service's default and another); the desk and a
 * grid worker of A, the desk of B, the street, an evaluator, staff of each organisation, and a resident of A.
 */
export async function readWorld(h: TestApp) {
  const db = h.t.db;
  const A = await buildCommunityTree(db);
  const B = await buildCommunityTree(db, A.street);
  const org = await buildOrg(db, A.street);
  const otherOrg = await buildOrg(db, A.street);
  const service = await buildService(db, A.street, { defaultHandlerOrgId: org.id });
  const { agent: resident, household } = await residentIn(h, A.building);
  const neighbour = await residentIn(h, A.building);
  return {
    A,
    B,
    org,
    otherOrg,
    service,
    resident,
    household,
    neighbour: neighbour.agent,
    neighbourHousehold: neighbour.household,
    desk: await person(h, 'community_staff', { areaId: A.community.id }),
    deskB: await person(h, 'community_staff', { areaId: B.community.id }),
    grid: await person(h, 'grid_worker', { areaId: A.grid.id }),
    street: await person(h, 'street_supervisor', { areaId: A.street.id }),
    evaluator: await person(h, 'evaluator', { areaId: A.community.id }),
    admin: await person(h, 'community_admin', { areaId: A.community.id }),
    handler: await person(h, 'handler_staff', { orgId: org.id }),
    otherHandler: await person(h, 'handler_staff', { orgId: otherOrg.id }),
  };
}
export type ReadWorld = Awaited<ReturnType<typeof readWorld>>;

type OrderOver = Partial<typeof orders.$inferInsert> & { status?: OrderStatus };

/** An order row of `w.service` in `tree`'s building (A by default), for the resident of A unless told otherwise. */
export function orderIn(h: TestApp, w: ReadWorld, over: OrderOver = {}, tree: Tree = w.A) {
  const mine = tree === w.A ? { residentId: w.household.members[0]!.id, householdId: w.household.id, flatId: w.household.flatId } : {};
  return buildOrderRow(h.t.db, w.service, tree.building, {
    stageDueAt: hoursFromNow(24),
    contactName: '王秀英',
    contactPhoneEnc: testPii.encrypt('13812345678'),
    ...mine,
    ...over,
  });
}

/** GET /api/orders?query as `agent`, checking the status; the parsed list on 200. */
export async function listOrders(agent: Agent, query: string, status = 200) {
  const res = await agent.get(`/api/orders?${query}`);
  expect(res.statusCode, res.body).toBe(status);
  return status === 200 ? OrderList.parse(res.json()) : null;
}

/** The ids of the orders `agent` sees for `query`, in the list's order. */
export const orderIdsOf = async (agent: Agent, query: string) => (await listOrders(agent, query))!.items.map((i) => i.id);
