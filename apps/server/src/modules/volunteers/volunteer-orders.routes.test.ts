import { LedgerDto, OrderDto, VolunteerOrderDto, VolunteerOrdersDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { volunteerTeams, volunteers } from '../../db/schema/index.js';
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
import { issuesOf } from '../registry/test-kit.js';

const ctx = useTestApp();

let A: Tree;
let street: Agent;
let orgId: string;
let otherOrgId: string;
let service: Awaited<ReturnType<typeof buildService>>;
const people: Record<'leader' | 'member' | 'bystander', { agent: Agent; userId: string; volunteerId: string }> = {} as never;
let offRosterId: string;

/** A Red Butler team on its handler organisation: a leader, two volunteers with accounts, one without. */
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  const c = A.community;
  const scope = { communityId: c.id, streetId: c.streetId!, districtId: c.districtId! };
  const sup = await buildUser(ctx.t.db, 'street_supervisor', { areaId: A.street.id });
  street = await signIn(ctx.app, sup.username, TEST_PASSWORD);
  const org = await buildOrg(ctx.t.db, c, 'volunteer_team');
  orgId = org.id;
  otherOrgId = (await buildOrg(ctx.t.db, c, 'volunteer_team')).id;
  const [team] = await ctx.t.db
    .insert(volunteerTeams)
    .values({ kind: 'red_butler', name: '红管家', handlerOrgId: org.id, ...scope })
    .returning();
  for (const who of ['leader', 'member', 'bystander'] as const) {
    const u = await buildUser(ctx.t.db, 'volunteer', { orgId: org.id });
    const [v] = await ctx.t.db
      .insert(volunteers)
      .values({ userId: u.id, name: `${who}`, registeredBy: 'staff', teamId: team!.id, ...scope })
      .returning();
    people[who] = { agent: await signIn(ctx.app, u.username, TEST_PASSWORD), userId: u.id, volunteerId: v!.id };
  }
  const [off] = await ctx.t.db
    .insert(volunteers)
    .values({ name: '无账号', registeredBy: 'staff', teamId: team!.id, ...scope })
    .returning();
  offRosterId = off!.id;
  await ctx.t.db.update(volunteerTeams).set({ leaderVolunteerId: people.leader.volunteerId });
  service = await buildService(ctx.t.db, A.street, { category: 'volunteer', defaultHandlerOrgId: org.id });
});

const dispatchedOrder = (handlerOrgId = orgId) =>
  buildOrderRow(ctx.t.db, service, A.building, { status: 'dispatched', handlerOrgId, dispatchedAt: new Date() });
const move = (agent: Agent, id: string, body: object) => agent.post(`/api/orders/${id}/events`, body);

describe('Red Butler orders', () => {
  it('volunteer (team leader): sees the team’s orders and the roster, and hands an order to a volunteer, who accepts, handles it and is credited when the street closes it', async () => {
    const order = await dispatchedOrder();
    const list = VolunteerOrdersDto.parse((await people.leader.agent.get('/api/volunteer-orders')).json());
    expect(list).toMatchObject({ isLeader: true, team: { name: '红管家' } });
    expect(list.items.find((o) => o.id === order.id)).toMatchObject({ canHand: true, handlerUserId: null });
    expect(list.roster.map((r) => r.name).sort()).toEqual(['bystander', 'leader', 'member']);

    const res = await people.leader.agent.post(`/api/volunteer-orders/${order.id}/hand`, { volunteerId: people.member.volunteerId });
    expect(res.statusCode, res.body).toBe(200);
    expect(VolunteerOrderDto.parse(res.json())).toMatchObject({ handlerUserId: people.member.userId, handlerName: expect.any(String) });

    const mine = VolunteerOrdersDto.parse((await people.member.agent.get('/api/volunteer-orders')).json());
    expect(mine).toMatchObject({ isLeader: false, roster: [] });
    expect(mine.items.map((o) => o.id)).toEqual([order.id]);
    const seen = OrderDto.parse((await people.member.agent.get(`/api/orders/${order.id}`)).json());
    expect(seen.abilities.events).toContain('accept');
    // the bystander of the same team was not handed it
    expect((await people.bystander.agent.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
    expect((await move(people.bystander.agent, order.id, { event: 'accept' })).statusCode).toBe(404);

    for (const body of [{ event: 'accept' }, { event: 'start' }, { event: 'handle', note: '已陪同老人就医', attachmentIds: [] }]) {
      const r = await move(people.member.agent, order.id, body);
      expect(r.statusCode, r.body).toBe(200);
    }
    const confirm = await move(street, order.id, { event: 'close', outcome: 'resolved' });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const ledger = LedgerDto.parse((await people.member.agent.get('/api/volunteers/me/ledger')).json());
    expect(ledger.items).toEqual([expect.objectContaining({ source: 'order', status: 'verified', orderId: order.id })]);
    expect(ledger.verifiedHours).toBeGreaterThan(0);
  });

  it('volunteer (not the leader): handing an order of the team is forbidden (403)', async () => {
    const order = await dispatchedOrder();
    const res = await people.member.agent.post(`/api/volunteer-orders/${order.id}/hand`, { volunteerId: people.member.volunteerId });
    expect(res.statusCode).toBe(403);
  });

  it('volunteer (team leader): an order of another organisation answers 404, one already handled 409', async () => {
    const other = await dispatchedOrder(otherOrgId);
    const res = await people.leader.agent.post(`/api/volunteer-orders/${other.id}/hand`, { volunteerId: people.member.volunteerId });
    expect(res.statusCode).toBe(404);
    const handled = await buildOrderRow(ctx.t.db, service, A.building, { status: 'handled', handlerOrgId: orgId });
    const late = await people.leader.agent.post(`/api/volunteer-orders/${handled.id}/hand`, { volunteerId: people.member.volunteerId });
    expect(late.statusCode).toBe(409);
  });

  it('volunteer (team leader): a volunteer without an account, or a bad id, is refused on the field', async () => {
    const order = await dispatchedOrder();
    const url = `/api/volunteer-orders/${order.id}/hand`;
    const res = await people.leader.agent.request({
      method: 'POST',
      url,
      payload: { volunteerId: offRosterId },
      headers: { 'x-linli-locale': 'en' },
    });
    expect(issuesOf(res)).toEqual([{ path: 'volunteerId', message: 'Only a volunteer of the team with an account can be handed it' }]);
    const bad = await people.leader.agent.post(url, { volunteerId: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad)[0]?.path).toBe('volunteerId');
  });

  it('resident with no volunteer record: sees no team and no orders', async () => {
    const u = await buildUser(ctx.t.db, 'resident', { areaId: A.building.id });
    const agent = await signIn(ctx.app, u.username, TEST_PASSWORD);
    expect(VolunteerOrdersDto.parse((await agent.get('/api/volunteer-orders')).json())).toEqual({
      team: null,
      isLeader: false,
      roster: [],
      items: [],
    });
  });
});
