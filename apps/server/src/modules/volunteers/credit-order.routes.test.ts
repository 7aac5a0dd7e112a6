import { LedgerDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { volunteers } from '../../db/schema/index.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildCommunityTree,
  buildOrderRow,
  buildOrg,
  buildService,
  buildUser,
  signIn,
  useTestApp,
} from '../../testing/index.js';

const ctx = useTestApp();
const HOUR = 3600_000;

let A: Tree;
let street: Agent;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  const sup = await buildUser(ctx.t.db, 'street_supervisor', { areaId: A.street.id });
  street = await signIn(ctx.app, sup.username, TEST_PASSWORD);
});

/** A handler of the community's volunteer team who is also a registered volunteer. */
async function volunteerHandler() {
  const org = await buildOrg(ctx.t.db, A.community, 'volunteer_team');
  const u = await buildUser(ctx.t.db, 'handler_staff', { orgId: org.id });
  const c = A.community;
  await ctx.t.db
    .insert(volunteers)
    .values({ userId: u.id, name: '张红', registeredBy: 'staff', communityId: c.id, streetId: c.streetId!, districtId: c.districtId! });
  return { org, user: u, agent: await signIn(ctx.app, u.username, TEST_PASSWORD) };
}

const close = async (orderId: string, outcome: string) => {
  const res = await street.post(`/api/orders/${orderId}/events`, { event: 'close', outcome });
  expect(res.statusCode, res.body).toBe(200);
};

describe('volunteer hours from orders', () => {
  it('street_supervisor: closing a volunteer-service order credits the volunteer who handled it, once', async () => {
    const { org, user, agent } = await volunteerHandler();
    const service = await buildService(ctx.t.db, A.street, { category: 'volunteer', defaultHandlerOrgId: org.id });
    const now = Date.now();
    const order = await buildOrderRow(ctx.t.db, service, A.building, {
      status: 'confirmed',
      handlerOrgId: org.id,
      handlerUserId: user.id,
      handledBy: user.id,
      acceptedAt: new Date(now - 2 * HOUR),
      handledAt: new Date(now - HOUR / 2),
      handledOnTime: true,
    });
    await close(order.id, 'resolved');
    const ledger = LedgerDto.parse((await agent.get('/api/volunteers/me/ledger')).json());
    expect(ledger.items).toHaveLength(1);
    expect(ledger.items[0]).toMatchObject({ source: 'order', status: 'verified', hours: 1.5, orderId: order.id });
  });

  it('street_supervisor: closing a property order or an unresolved one credits nothing', async () => {
    const { org, user, agent } = await volunteerHandler();
    const property = await buildService(ctx.t.db, A.street, { category: 'property', defaultHandlerOrgId: org.id });
    const volunteer = await buildService(ctx.t.db, A.street, { category: 'volunteer', defaultHandlerOrgId: org.id });
    const at = { status: 'confirmed' as const, handlerOrgId: org.id, handledBy: user.id, handledAt: new Date(Date.now() - HOUR) };
    await close((await buildOrderRow(ctx.t.db, property, A.building, at)).id, 'resolved');
    await close((await buildOrderRow(ctx.t.db, volunteer, A.building, at)).id, 'unresolved');
    expect(LedgerDto.parse((await agent.get('/api/volunteers/me/ledger')).json()).items).toEqual([]);
  });
});
