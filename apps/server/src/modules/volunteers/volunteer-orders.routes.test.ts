import { LedgerDto, NotificationList, OrderDto, TimelineDto, VolunteerOrderDto, VolunteerOrdersDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { volunteerTeams, volunteers } from '../../db/schema/index.js';
import { runOutboxPass } from '../../jobs/outbox-pass.js';
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
const hand = (id: string, who: keyof typeof people = 'member') =>
  people.leader.agent.post(`/api/volunteer-orders/${id}/hand`, { volunteerId: people[who].volunteerId });
/** What the outbox told `agent` about order `id`, newest first. */
async function toldOf(agent: Agent, id: string) {
  await runOutboxPass(ctx.t.db, { email: true });
  return NotificationList.parse((await agent.get('/api/notifications')).json()).items.filter((n) => n.orderId === id);
}

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

  it('volunteer (handed): is notified like any handler, in-app and by e-mail, of the hand-over and what follows', async () => {
    await ctx.t.pool.query(`UPDATE users SET email = 'member@example.org' WHERE id = $1`, [people.member.userId]);
    const order = await dispatchedOrder();
    expect((await hand(order.id)).statusCode).toBe(200);
    const told = await toldOf(people.member.agent, order.id);
    expect(told.map((n) => n.title)).toEqual([expect.stringContaining('交给你处理')]);
    const mail = await ctx.t.pool.query(`SELECT subject FROM email_outbox WHERE "to" = 'member@example.org'`);
    expect(mail.rows.map((r) => r.subject)).toContain(told[0]!.title);
    expect(await toldOf(people.bystander.agent, order.id)).toEqual([]);
    expect(await toldOf(people.leader.agent, order.id)).toEqual([]);
    const note = await street.post(`/api/orders/${order.id}/comments`, { text: '老人下午三点后在家', internal: true });
    expect(note.statusCode, note.body).toBe(201);
    expect((await toldOf(people.member.agent, order.id)).map((n) => n.kind)).toEqual(['comment', 'comment']);
  });

  it('volunteer (handed): gives an order back to the leader with the reason; the leader sees it, is told and hands it on', async () => {
    const order = await dispatchedOrder();
    await hand(order.id);
    await move(people.member.agent, order.id, { event: 'accept' });
    const seen = OrderDto.parse((await people.member.agent.get(`/api/orders/${order.id}`)).json());
    expect(seen.abilities.events).toContain('start');
    expect(seen.abilities.events).not.toContain('return');
    // the desk's 退单 is not theirs: it would take the order from the team behind the leader's back
    expect((await move(people.member.agent, order.id, { event: 'return', reason: '临时有事' })).statusCode).toBe(403);
    const held = VolunteerOrdersDto.parse((await people.member.agent.get('/api/volunteer-orders')).json()).items;
    expect(held.find((o) => o.id === order.id)).toMatchObject({ canGiveBack: true, canHand: false });

    const res = await people.member.agent.post(`/api/volunteer-orders/${order.id}/give-back`, { reason: '本周出差，无法上门' });
    expect(res.statusCode, res.body).toBe(200);
    expect(VolunteerOrdersDto.parse(res.json()).items.map((o) => o.id)).not.toContain(order.id);
    expect((await people.member.agent.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
    const queue = VolunteerOrdersDto.parse((await people.leader.agent.get('/api/volunteer-orders')).json());
    expect(queue.items.find((o) => o.id === order.id)).toMatchObject({ status: 'accepted', handlerUserId: null, canHand: true });
    const timeline = TimelineDto.parse((await street.get(`/api/orders/${order.id}/timeline`)).json()).items;
    expect(timeline.at(-1)).toMatchObject({ kind: 'comment', internal: true, text: expect.stringContaining('本周出差，无法上门') });
    expect((await toldOf(people.leader.agent, order.id)).map((n) => n.title)).toEqual([expect.stringContaining('志愿者交回')]);
    const audit = await ctx.t.pool.query(`SELECT 1 FROM audit_log WHERE action = 'volunteer_order.give_back' AND entity_id = $1`, [
      order.id,
    ]);
    expect(audit.rowCount).toBe(1);

    expect((await hand(order.id, 'bystander')).statusCode).toBe(200);
    expect((await move(people.bystander.agent, order.id, { event: 'start' })).statusCode).toBe(200);
  });

  it('volunteer: giving back an order not handed to them is 404 (a teammate) or 403 (the leader); a short reason is a field error', async () => {
    const order = await dispatchedOrder();
    await hand(order.id);
    const giveBack = (who: keyof typeof people, reason = '临时有事') =>
      people[who].agent.request({
        method: 'POST',
        url: `/api/volunteer-orders/${order.id}/give-back`,
        payload: { reason },
        headers: { 'x-linli-locale': 'en' },
      });
    expect((await giveBack('bystander')).statusCode).toBe(404);
    expect((await giveBack('leader')).statusCode).toBe(403);
    expect(issuesOf(await giveBack('member', ' ')).map((i) => i.path)).toEqual(['reason']);
    const list = VolunteerOrdersDto.parse((await people.member.agent.get('/api/volunteer-orders')).json());
    expect(list.items.find((o) => o.id === order.id)?.handlerUserId).toBe(people.member.userId);
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
