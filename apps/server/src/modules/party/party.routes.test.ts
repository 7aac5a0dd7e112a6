import { PartyFiguresDto, PartyMemberDto, PartyMemberListDto, PartyOrgDto, PartyTreeDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type AreaRow, type Tree, buildArea, buildCommunityTree, buildHousehold, useTestApp } from '../../testing/index.js';
import { MASKED_PHONE, codeOf, expectNoPlainPii, issuesOf } from '../registry/test-kit.js';
import { partyKit } from './test-kit.js';

const ctx = useTestApp();
const kit = partyKit(ctx);

let A: Tree;
let B: Tree;
let admin: Agent;
let otherGrid: AreaRow;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  otherGrid = await buildArea(ctx.t.db, 'grid', A.community);
  admin = await kit.as('community_admin', A.community.id);
});

const create = async (agent: Agent, body: object) => {
  const res = await agent.post('/api/party/orgs', body);
  expect(res.statusCode, res.body).toBe(201);
  return PartyOrgDto.parse(res.json());
};

describe('party tree', () => {
  it('community_admin: can build the four levels, general branch → grid branch → party group → building red post', async () => {
    const root = await create(admin, { kind: 'general_branch', name: '总支', areaId: A.community.id });
    const branch = await create(admin, { kind: 'branch', name: '第一网格党支部', parentId: root.id, areaId: A.grid.id });
    const group = await create(admin, { kind: 'group', name: '小区党小组', parentId: branch.id, areaId: A.grid.id });
    const red = await create(admin, { kind: 'red_post', name: '1幢红色驿站', parentId: group.id, areaId: A.building.id });
    expect(red).toMatchObject({ kind: 'red_post', parentId: group.id, area: { id: A.building.id, kind: 'building' } });
    expect(red.abilities).toEqual({ canEdit: true, canAddChild: false, canDelete: true });

    const tree = PartyTreeDto.parse((await admin.get('/api/party/tree')).json());
    expect(tree.communityId).toBe(A.community.id);
    expect(tree.items.map((o) => o.kind)).toEqual(['general_branch', 'branch', 'group', 'red_post']);
    expect(tree.canCreateRoot).toBe(false);
    expect(tree.items[0]!.abilities.canDelete).toBe(false);
  });

  it('refuses a level that does not fit, an area outside the parent, a second root, changing nothing', async () => {
    const { items } = PartyTreeDto.parse((await admin.get('/api/party/tree')).json());
    const [root, branch] = items;
    const before = await kit.count('party_orgs');
    const wrongKind = await kit.en(admin, 'POST', '/api/party/orgs', {
      kind: 'red_post',
      name: 'x',
      parentId: root!.id,
      areaId: A.building.id,
    });
    expect(issuesOf(wrongKind)).toEqual([{ path: 'kind', message: 'This kind of organisation cannot sit under the chosen parent' }]);
    const wrongArea = await admin.post('/api/party/orgs', { kind: 'branch', name: 'x', parentId: root!.id, areaId: A.building.id });
    expect(issuesOf(wrongArea)).toEqual([{ path: 'areaId', message: '所选区域的层级与组织层级不符' }]);
    const outside = await admin.post('/api/party/orgs', { kind: 'group', name: 'x', parentId: branch!.id, areaId: otherGrid.id });
    expect(issuesOf(outside).map((i) => i.path)).toEqual(['areaId']);
    const secondRoot = await admin.post('/api/party/orgs', { kind: 'committee', name: 'x', areaId: A.community.id });
    expect(secondRoot.statusCode).toBe(409);
    const blank = await admin.post('/api/party/orgs', { kind: 'branch', name: '', parentId: root!.id, areaId: A.grid.id });
    expect(issuesOf(blank)).toEqual([{ path: 'name', message: '此项为必填' }]);
    expect(await kit.count('party_orgs')).toBe(before);
  });

  it("community_admin: cannot see or change another community's organisations (404)", async () => {
    const other = await kit.org('committee', B.community);
    expect((await admin.patch(`/api/party/orgs/${other.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await admin.delete(`/api/party/orgs/${other.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/party/tree?communityId=${B.community.id}`)).statusCode).toBe(404);
    expect((await admin.post('/api/party/orgs', { kind: 'branch', name: 'x', parentId: other.id, areaId: B.grid.id })).statusCode).toBe(
      404,
    );
  });

  it('grid_worker and building_leader: cannot read the party tree or members (403)', async () => {
    for (const [role, area] of [
      ['grid_worker', A.grid],
      ['building_leader', A.building],
    ] as const) {
      const agent = await kit.as(role, area.id);
      expect((await agent.get('/api/party/tree')).statusCode).toBe(403);
      expect((await agent.get('/api/party/members')).statusCode).toBe(403);
    }
    const staff = await kit.as('community_staff', A.community.id);
    expect((await staff.get('/api/party/tree')).statusCode).toBe(200);
  });

  it('community_admin: can delete an empty organisation only (409 while it has children)', async () => {
    const { items } = PartyTreeDto.parse((await admin.get('/api/party/tree')).json());
    expect((await admin.delete(`/api/party/orgs/${items[0]!.id}`)).statusCode).toBe(409);
    const red = items.find((o) => o.kind === 'red_post')!;
    expect((await admin.delete(`/api/party/orgs/${red.id}`)).statusCode).toBe(200);
    expect(await kit.count('party_orgs', 'id = $1', [red.id])).toBe(0);
  });
});

describe('party members', () => {
  let C: Tree;
  let cAdmin: Agent;
  let branchId: string;
  beforeAll(async () => {
    C = await buildCommunityTree(ctx.t.db, A.street);
    cAdmin = await kit.as('community_admin', C.community.id);
    branchId = (await kit.tree(C)).branch.id;
  });

  it('community_admin: registers a resident as a member (political status follows) and an in-service member reporting from elsewhere', async () => {
    const h = await buildHousehold(ctx.t.db, C.building, { head: { birthDate: '1990-03-01', phone: '13912345678' } });
    const res = await cAdmin.post('/api/party/members', {
      orgId: branchId,
      residentId: h.members[0]!.id,
      education: 'bachelor',
      joinedOn: '2015-07-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = PartyMemberDto.parse(res.json());
    expect(m).toMatchObject({ residentId: h.members[0]!.id, registration: 'local', education: 'bachelor', standing: 'full' });
    expect(m.phone).toMatch(MASKED_PHONE);
    expectNoPlainPii(res.body, ['13912345678']);
    expect(await kit.count('residents', `id = $1 AND political = '01' AND party_org_id = $2`, [h.members[0]!.id, branchId])).toBe(1);
    expect((await cAdmin.post('/api/party/members', { orgId: branchId, residentId: h.members[0]!.id })).statusCode).toBe(409);

    const reporting = await cAdmin.post('/api/party/members', {
      orgId: branchId,
      registration: 'reporting',
      name: '周在职',
      sex: 1,
      birthDate: '1985-06-01',
      phone: '13800001111',
      workUnit: '扬州市税务局',
      commitments: '每月参加一次网格服务',
    });
    expect(reporting.statusCode, reporting.body).toBe(201);
    const r = PartyMemberDto.parse(reporting.json());
    expect(r).toMatchObject({
      name: '周在职',
      residentId: null,
      registration: 'reporting',
      phone: '138****1111',
      workUnit: '扬州市税务局',
    });
    expect(r.reportedOn).not.toBeNull();
    expectNoPlainPii(reporting.body, ['13800001111']);
  });

  it('refuses a member without resident or name (field-level, in the language asked) and a resident of another community', async () => {
    const before = await kit.count('party_members');
    const res = await kit.en(cAdmin, 'POST', '/api/party/members', { orgId: branchId, name: '无名' });
    expect(issuesOf(res).map((i) => i.path)).toEqual(['sex', 'birthDate']);
    expect(issuesOf(res)[0]!.message).toMatch(/Choose a resident/);
    const elsewhere = await buildHousehold(ctx.t.db, B.building);
    const wrong = await cAdmin.post('/api/party/members', { orgId: branchId, residentId: elsewhere.members[0]!.id });
    expect(issuesOf(wrong)).toEqual([{ path: 'residentId', message: '该居民不在本社区或已迁出' }]);
    const future = await cAdmin.post('/api/party/members', { orgId: branchId, name: 'x', sex: 1, birthDate: '2999-01-01' });
    expect(issuesOf(future).map((i) => i.path)).toEqual(['birthDate']);
    expect(await kit.count('party_members')).toBe(before);
  });

  it('party_organiser: lists the members of their community, masked; another community admin gets 404 on one of them', async () => {
    const organiser = await kit.as('party_organiser', C.community.id);
    const list = PartyMemberListDto.parse((await organiser.get(`/api/party/members?orgId=${branchId}`)).json());
    expect(list.total).toBe(2);
    expect(list.items.every((m) => m.phone === null || MASKED_PHONE.test(m.phone))).toBe(true);
    expect((await organiser.get(`/api/party/members/${list.items[0]!.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/party/members/${list.items[0]!.id}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/party/members/${list.items[0]!.id}`, { education: 'college' })).statusCode).toBe(404);
    const ownList = PartyMemberListDto.parse((await admin.get('/api/party/members')).json());
    expect(ownList.items.some((m) => m.id === list.items[0]!.id)).toBe(false);
    const evaluator = await kit.as('evaluator', A.street.id);
    expect((await evaluator.get(`/api/party/members/${list.items[0]!.id}`)).statusCode).toBe(403);
  });

  it('community_admin: ends a membership here with its date (required), which clears the branch on the resident', async () => {
    const m = await kit.member(branchId, C.building);
    const missing = await cAdmin.patch(`/api/party/members/${m.id}`, { status: 'left' });
    expect(issuesOf(missing).map((i) => i.path)).toEqual(['leftOn']);
    const res = await cAdmin.patch(`/api/party/members/${m.id}`, { status: 'left', leftOn: '2024-01-01' });
    expect(PartyMemberDto.parse(res.json())).toMatchObject({ status: 'left', leftOn: '2024-01-01' });
    expect(await kit.count('residents', 'id = $1 AND party_org_id IS NULL', [m.resident.id])).toBe(1);
  });

  it('figures: members by branch, age band and education on a given day, reporting members apart', async () => {
    const group = await kit.org('group', C.grid, branchId);
    await kit.member(group.id, C.building, { birthDate: '1950-01-01', education: 'primary', employment: 'retired' });
    await kit.member(group.id, C.building, { birthDate: '1999-12-31', education: 'postgraduate', standing: 'probationary' });
    const res = await cAdmin.get('/api/party/figures?asOf=2025-06-01');
    expect(res.statusCode, res.body).toBe(200);
    const f = PartyFiguresDto.parse(res.json());
    expect(f.totals).toMatchObject({ members: 3, reporting: 1, probationary: 1, under46: 2, bachelor: 1, postgraduate: 1 });
    expect(f.byBranch).toEqual([{ orgId: branchId, name: expect.any(String), communityId: C.community.id, count: 3 }]);
    expect(Object.fromEntries(f.byAgeBand.map((b) => [b.key, b.count]))).toMatchObject({ to35: 2, over70: 1 });
    expect(f.byEducation.find((e) => e.key === 'primary')!.count).toBe(1);
    const tree = PartyTreeDto.parse((await cAdmin.get('/api/party/tree')).json());
    expect(tree.items.find((o) => o.id === group.id)!.figures).toMatchObject({ members: 2, under46: 1 });
    expect(tree.items.find((o) => o.id === branchId)!.figures.members).toBe(3);
  });

  it('community_admin: names a secretary from the subtree only', async () => {
    const list = PartyMemberListDto.parse((await cAdmin.get('/api/party/members')).json());
    const other = await kit.member((await kit.org('committee', B.community)).id, B.building);
    const bad = await cAdmin.patch(`/api/party/orgs/${branchId}`, { secretaryMemberId: other.id });
    expect(issuesOf(bad).map((i) => i.path)).toEqual(['secretaryMemberId']);
    const ok = await cAdmin.patch(`/api/party/orgs/${branchId}`, { secretaryMemberId: list.items[0]!.id });
    expect(PartyOrgDto.parse(ok.json()).secretary).toEqual({ memberId: list.items[0]!.id, name: list.items[0]!.name });
    expect(codeOf(await cAdmin.patch(`/api/party/orgs/${branchId}`, { areaId: C.building.id }))).toBe('VALIDATION');
  });
});
