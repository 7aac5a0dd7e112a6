import { MyPostsDto, PartyMemberDto, PartyResidentHitsDto, PartyRevealDto } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { type Agent, TEST_PASSWORD, type Tree, buildCommunityTree, buildHousehold, signIn, useTestApp } from '../../testing/index.js';
import { issuesOf } from '../registry/test-kit.js';
import { partyKit } from './test-kit.js';

const ctx = useTestApp();
const kit = partyKit(ctx);

let A: Tree;
let B: Tree;
let staff: Agent;
let organiser: Agent;
let branchId: string;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await kit.as('community_staff', A.community.id);
  organiser = await kit.as('party_organiser', A.community.id);
  branchId = (await kit.tree(A)).branch.id;
});

const reporting = async (agent: Agent, phone = '13912345678') => {
  const res = await agent.post('/api/party/members', {
    orgId: branchId,
    registration: 'reporting',
    name: '赵在职',
    sex: 1,
    birthDate: '1985-03-02',
    phone,
    workUnit: '区教育局',
    commitments: '每月一次政策宣讲',
  });
  expect(res.statusCode, res.body).toBe(201);
  return PartyMemberDto.parse(res.json());
};

describe("a member's phone in full", () => {
  it('community_staff: sees the phone in full with a reason, and the reveal is audited with it', async () => {
    const m = await reporting(organiser);
    const seen = PartyMemberDto.parse((await staff.get(`/api/party/members/${m.id}`)).json());
    expect(seen.phone).toBe('139****5678');
    expect(seen.abilities.canReveal).toBe(true);
    const short = await staff.post(`/api/party/members/${m.id}/reveal`, { reason: '短' });
    expect(issuesOf(short).map((i) => i.path)).toEqual(['reason']);
    const res = await staff.post(`/api/party/members/${m.id}/reveal`, { reason: '联系报到党员参加活动' });
    expect(PartyRevealDto.parse(res.json())).toEqual({ phone: '13912345678' });
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'party_member.reveal'), eq(auditLog.entityId, m.id)));
    expect(audit).toMatchObject({ communityId: A.community.id, details: { reason: '联系报到党员参加活动', fields: ['phone'] } });
  });

  it('party_organiser: may read the member but not reveal the phone (403); staff of another community get 404', async () => {
    const m = await reporting(organiser, '13700001111');
    expect(PartyMemberDto.parse((await organiser.get(`/api/party/members/${m.id}`)).json()).abilities.canReveal).toBe(false);
    expect((await organiser.post(`/api/party/members/${m.id}/reveal`, { reason: '联系报到党员' })).statusCode).toBe(403);
    const staffB = await kit.as('community_staff', B.community.id);
    expect((await staffB.post(`/api/party/members/${m.id}/reveal`, { reason: '联系报到党员' })).statusCode).toBe(404);
  });
});

describe('in-service members reporting here (在职党员报到)', () => {
  it('party_organiser: opens an account; the member signs in, sees what they took on and claims a post', async () => {
    const m = await reporting(organiser, '13600002222');
    expect(m.abilities.canOpenAccount).toBe(true);
    const res = await organiser.post(`/api/party/members/${m.id}/account`, { username: 'zhao-zaizhi', password: TEST_PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    expect(PartyMemberDto.parse(res.json())).toMatchObject({ hasAccount: true, abilities: { canOpenAccount: false } });
    const me = await signIn(ctx.app, 'zhao-zaizhi', TEST_PASSWORD);
    const own = PartyMemberDto.parse((await me.get('/api/party/members/me')).json());
    expect(own).toMatchObject({ id: m.id, commitments: '每月一次政策宣讲', workUnit: '区教育局', registration: 'reporting', hours: 0 });
    const post = await organiser.post('/api/posts', {
      kind: 'civility_supervisor',
      title: '文明督导岗',
      duties: '劝导不文明行为',
      areaId: A.grid.id,
    });
    expect(post.statusCode, post.body).toBe(201);
    const claim = await me.post(`/api/posts/${(post.json() as { id: string }).id}/claim`, {});
    expect(claim.statusCode, claim.body).toBe(200);
    expect(MyPostsDto.parse((await me.get('/api/posts/mine')).json()).holdings).toHaveLength(1);
    // their account cannot read other members
    expect((await me.get('/api/party/members')).statusCode).toBe(403);
  });

  it('party_organiser: a second account, a resident member or a taken username is refused', async () => {
    const m = await reporting(organiser, '13600003333');
    const url = `/api/party/members/${m.id}/account`;
    expect((await organiser.post(url, { username: 'qian-zaizhi', password: TEST_PASSWORD })).statusCode).toBe(201);
    expect((await organiser.post(url, { username: 'qian-2', password: TEST_PASSWORD })).statusCode).toBe(409);
    const local = await kit.member(branchId, A.building);
    expect(
      (await organiser.post(`/api/party/members/${local.id}/account`, { username: 'sun-x', password: TEST_PASSWORD })).statusCode,
    ).toBe(409);
    const other = await reporting(organiser, '13600004444');
    const taken = await organiser.post(`/api/party/members/${other.id}/account`, { username: 'qian-zaizhi', password: TEST_PASSWORD });
    expect(issuesOf(taken).map((i) => i.path)).toEqual(['username']);
    const bad = await organiser.post(`/api/party/members/${other.id}/account`, { username: 'x', password: '1' });
    expect(
      issuesOf(bad)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['password', 'username']);
    const staffB = await kit.as('community_staff', B.community.id);
    expect((await staffB.post(`/api/party/members/${other.id}/account`, { username: 'b-user', password: TEST_PASSWORD })).statusCode).toBe(
      404,
    );
    const evaluator = await kit.as('evaluator', A.street.id);
    expect(
      (await evaluator.post(`/api/party/members/${other.id}/account`, { username: 'e-user', password: TEST_PASSWORD })).statusCode,
    ).toBe(403);
  });

  it('resident who is no member: has no membership of their own (404)', async () => {
    const r = await kit.as('resident', A.building.id);
    expect((await r.get('/api/party/members/me')).statusCode).toBe(404);
  });
});

describe('ending a membership', () => {
  it('party_organiser: a transfer out ends it with the reason kept in the note', async () => {
    const local = await kit.member(branchId, A.building);
    const res = await organiser.request({
      method: 'PATCH',
      url: `/api/party/members/${local.id}`,
      payload: { status: 'left', leftOn: '2026-01-05', leftReason: 'transferred_out', flowNote: '转至市教育局机关党委' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(PartyMemberDto.parse(res.json())).toMatchObject({
      status: 'left',
      leftOn: '2026-01-05',
      flowNote: '组织关系转出：转至市教育局机关党委',
    });
  });
});

describe('finding a resident to register', () => {
  it('party_organiser: finds residents of the community by name, members left out, and registers one', async () => {
    const h = await buildHousehold(ctx.t.db, A.building);
    const r = h.members[0]!;
    const url = `/api/party/residents?communityId=${A.community.id}&q=${encodeURIComponent(r.name)}`;
    const first = await organiser.get(url);
    expect(first.statusCode, first.body).toBe(200);
    const hits = PartyResidentHitsDto.parse(first.json());
    expect(hits.items.map((i) => i.id)).toContain(r.id);
    expect(JSON.stringify(hits)).not.toMatch(/1\d{10}/);
    const res = await organiser.post('/api/party/members', { orgId: branchId, residentId: r.id, joinedOn: '2001-07-01' });
    expect(res.statusCode, res.body).toBe(201);
    expect(PartyResidentHitsDto.parse((await organiser.get(url)).json()).items.map((i) => i.id)).not.toContain(r.id);
  });

  it('refuses another community (404), a role that cannot register (403) and an empty name (400)', async () => {
    const staffB = await kit.as('community_staff', B.community.id);
    expect((await staffB.get(`/api/party/residents?communityId=${A.community.id}&q=a`)).statusCode).toBe(404);
    const evaluator = await kit.as('evaluator', A.street.id);
    expect((await evaluator.get(`/api/party/residents?communityId=${A.community.id}&q=a`)).statusCode).toBe(403);
    const empty = await organiser.get(`/api/party/residents?communityId=${A.community.id}&q=`);
    expect(issuesOf(empty).map((i) => i.path)).toEqual(['querystring.q']);
  });
});
