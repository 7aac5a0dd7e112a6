import { type CreateOrderInput, ErrorBody, OrderDto, type Role, type ServiceField } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { orderEvents, orders, users } from '../../db/schema/index.js';
import {
  type Agent,
  type TestApp,
  type Tree,
  TEST_PASSWORD,
  buildCommunityTree,
  buildHousehold,
  buildOrg,
  buildService,
  buildUser,
  signIn,
} from '../../testing/index.js';

export type Person = Agent & { id: string; name: string };

/** Signs in a new user holding `role` on an area or organisation. */
export async function person(h: TestApp, role: Role, scope: { areaId?: string; orgId?: string }): Promise<Person> {
  const u = await buildUser(h.t.db, role, scope);
  return Object.assign(await signIn(h.app, u.username, TEST_PASSWORD), { id: u.id, name: u.displayName });
}

/** A resident user linked to the head of a new household in `building`. */
export async function residentIn(h: TestApp, building: Tree['building']) {
  const household = await buildHousehold(h.t.db, building, { head: { name: '王秀英', phone: '13812345678' } });
  const u = await buildUser(h.t.db, 'resident', { areaId: building.id });
  await h.t.db.update(users).set({ residentId: household.members[0]!.id }).where(eq(users.id, u.id));
  const agent = Object.assign(await signIn(h.app, u.username, TEST_PASSWORD), { id: u.id, name: u.displayName });
  return { agent, household };
}

export const FIELDS: ServiceField[] = [
  {
    code: 'room',
    label: '报修位置',
    hint: '',
    type: 'singlevaluelist',
    required: true,
    options: [
      { key: 'kitchen', name: '厨房' },
      { key: 'bath', name: '卫生间' },
    ],
  },
  { code: 'floors', label: '楼层数', hint: '', type: 'number', required: false, options: [] },
];

/**
 * Two communities of one street, a handler organisation of the street with one staff member, a service with
 * custom fields, an emergency service, the desk of community A, and a resident of A with a household.
 */
export async function orderWorld(h: TestApp) {
  const db = h.t.db;
  const A = await buildCommunityTree(db);
  const B = await buildCommunityTree(db, A.street);
  const org = await buildOrg(db, A.street);
  const service = await buildService(db, A.street, { fields: FIELDS, defaultHandlerOrgId: org.id });
  const emergency = await buildService(db, A.street, {
    emergency: true,
    timeLimits: { dispatchMinutes: 10, acceptMinutes: 15, handleHours: 2, confirmHours: 72, closeHours: 48 },
  });
  const { agent: resident, household } = await residentIn(h, A.building);
  return {
    A,
    B,
    org,
    service,
    emergency,
    resident,
    household,
    desk: await person(h, 'community_staff', { areaId: A.community.id }),
    street: await person(h, 'street_supervisor', { areaId: A.street.id }),
    handler: await person(h, 'handler_staff', { orgId: org.id }),
  };
}
export type OrderWorld = Awaited<ReturnType<typeof orderWorld>>;

export const issuesOf = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error.details?.issues;
export const errorOf = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error;

/** POST /api/orders expecting `status`; returns the parsed order when one came back. */
export async function placeAs(agent: Agent, body: unknown, status = 201, key?: string): Promise<OrderDto> {
  const res = await agent.request({
    method: 'POST',
    url: '/api/orders',
    payload: body as object,
    headers: key ? { 'idempotency-key': key } : {},
  });
  expect(res.statusCode, res.body).toBe(status);
  return OrderDto.parse(res.json());
}

export const portalOrder = (w: OrderWorld, over: Partial<CreateOrderInput> = {}) => ({
  serviceId: w.service.id,
  description: '厨房水管漏水，需要维修',
  fields: { room: 'kitchen' },
  intake: { channel: 'portal' },
  ...over,
});

/** POST /api/orders/:id/events expecting `status`. */
export async function move(agent: Agent, id: string, body: Record<string, unknown>, status = 200) {
  const res = await agent.post(`/api/orders/${id}/events`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

export const moved = async (agent: Agent, id: string, body: Record<string, unknown>) =>
  OrderDto.parse((await move(agent, id, body)).json());

export const rowOf = async (h: TestApp, id: string) => (await h.t.db.select().from(orders).where(eq(orders.id, id)))[0]!;
export const eventsOf = (h: TestApp, id: string) =>
  h.t.db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(orderEvents.id);

/** Drives a fresh portal order of `w.resident` forward along the happy path up to `until`. */
export async function orderAt(
  w: OrderWorld,
  until: 'placed' | 'dispatched' | 'accepted' | 'in_progress' | 'handled' | 'confirmed',
  over: Partial<CreateOrderInput> = {},
): Promise<OrderDto> {
  const steps: [string, Person, Record<string, unknown>][] = [
    ['dispatched', w.desk, { event: 'dispatch', handlerOrgId: w.org.id, handlerUserId: w.handler.id }],
    ['accepted', w.handler, { event: 'accept' }],
    ['in_progress', w.handler, { event: 'start' }],
    ['handled', w.handler, { event: 'handle', note: '已更换水管' }],
    ['confirmed', w.resident, { event: 'confirm', rating: 'satisfied' }],
  ];
  let order = await placeAs(w.resident, portalOrder(w, over));
  for (const [status, agent, body] of steps) {
    if (order.status === until) break;
    order = await moved(agent, order.id, body);
    expect(order.status).toBe(status);
  }
  return order;
}
