import { BuildingMapDto, CoverageDto, DutyLogDto, DutyLogListDto, MyPostsDto, PostDto, PostListDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, buildArea, buildCommunityTree, buildHousehold, useTestApp } from '../../testing/index.js';
import { chinaDate } from '../party/access.js';
import { partyKit } from '../party/test-kit.js';
import { codeOf, issuesOf } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = partyKit(ctx);

let A: Tree;
let B: Tree;
let staff: Agent;
let branchId: string;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await kit.as('community_staff', A.community.id);
  branchId = (await kit.tree(A)).branch.id;
});

const definePost = async (body: object) => {
  const res = await staff.post('/api/posts', { duties: '每周巡查楼道，收集居民诉求', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return PostDto.parse(res.json());
};
const today = () => chinaDate();

describe('posts with duties', () => {
  it('community_staff: defines posts on the area they cover; a kind on the wrong level is refused (400), changing nothing', async () => {
    const officer = await definePost({ kind: 'grid_info_officer', areaId: A.grid.id, partyOrgId: branchId });
    expect(officer).toMatchObject({ title: '网格信息员', area: { id: A.grid.id }, holder: null });
    expect(officer.abilities).toEqual({ canEdit: true, canAssign: true, canClaim: false });
    const before = await kit.count('posts');
    const wrong = await kit.en(staff, 'POST', '/api/posts', { kind: 'red_post_keeper', areaId: A.grid.id, duties: 'x' });
    expect(issuesOf(wrong)).toEqual([{ path: 'areaId', message: 'This kind of post cannot cover an area of this level' }]);
    const elsewhere = await staff.post('/api/posts', { kind: 'red_post_keeper', areaId: B.building.id, duties: 'x' });
    expect(elsewhere.statusCode).toBe(404);
    expect(issuesOf(await staff.post('/api/posts', { kind: 'other', areaId: A.grid.id, duties: '' })).map((i) => i.path)).toEqual([
      'duties',
    ]);
    expect(await kit.count('posts')).toBe(before);
  });

  it('party member: claims a red post from their phone, staff confirm it, and the building map shows them at once', async () => {
    const post = await definePost({ kind: 'red_post_keeper', areaId: A.building.id });
    const m = await kit.member(branchId, A.building);
    const me = await kit.asPerson(m.resident.id, A.building);
    const mine = MyPostsDto.parse((await me.get('/api/posts/mine')).json());
    expect(mine.member?.id).toBe(m.id);
    expect(mine.open.map((p) => p.id)).toContain(post.id);
    expect(mine.open.find((p) => p.id === post.id)!.abilities.canClaim).toBe(true);

    const claimed = PostDto.parse((await me.post(`/api/posts/${post.id}/claim`)).json());
    expect(claimed.holder).toMatchObject({ status: 'claimed', memberId: m.id, events: ['withdraw'] });
    expect(codeOf(await me.post(`/api/post-holders/${claimed.holder!.id}/moves`, { event: 'confirm' }))).toBe('FORBIDDEN');
    const confirmed = PostDto.parse((await staff.post(`/api/post-holders/${claimed.holder!.id}/moves`, { event: 'confirm' })).json());
    expect(confirmed.holder).toMatchObject({ status: 'active', events: ['end'] });

    const map = BuildingMapDto.parse((await staff.get(`/api/map/buildings/${A.building.id}`)).json());
    expect(map.responsible.filter((p) => p.source === 'post')).toEqual([
      expect.objectContaining({ role: 'red_post', name: m.resident.name, residentId: m.resident.id }),
    ]);
  });

  it('two members claiming one post at once: exactly one wins, the other gets 409', async () => {
    const post = await definePost({ kind: 'civility_supervisor', areaId: A.compound.id });
    const people = await Promise.all([kit.member(branchId, A.building), kit.member(branchId, A.building)]);
    const agents = await Promise.all(people.map((p) => kit.asPerson(p.resident.id, A.building)));
    const results = await Promise.all(agents.map((a) => a.post(`/api/posts/${post.id}/claim`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await kit.count('post_holders', `post_id = $1 AND status IN ('claimed', 'active')`, [post.id])).toBe(1);
  });

  it('resident: cannot claim without being a party member here (403); a member of another community does not see the post (404)', async () => {
    const post = await definePost({ kind: 'other', title: '垃圾分类督导', areaId: A.grid.id });
    const h = await buildHousehold(ctx.t.db, A.building);
    const plain = await kit.asPerson(h.members[0]!.id, A.building);
    expect((await plain.post(`/api/posts/${post.id}/claim`)).statusCode).toBe(404);
    const bBranch = (await kit.tree(B)).branch;
    const bMember = await kit.member(bBranch.id, B.building);
    const bAgent = await kit.asPerson(bMember.resident.id, B.building);
    expect((await bAgent.post(`/api/posts/${post.id}/claim`)).statusCode).toBe(404);
    const bStaff = await kit.as('community_staff', B.community.id);
    expect((await bStaff.post(`/api/posts/${post.id}/holders`, { memberId: bMember.id })).statusCode).toBe(404);
    expect((await plain.get('/api/posts')).statusCode).toBe(403);
    const grid = await kit.as('grid_worker', A.grid.id);
    expect((await grid.post('/api/posts', { kind: 'other', areaId: A.grid.id, duties: 'x' })).statusCode).toBe(403);
  });

  it('holder: records duties on a held post; a future day or a day before the post was taken is refused', async () => {
    const post = await definePost({ kind: 'other', title: '楼道巡查', areaId: A.building.id });
    const m = await kit.member(branchId, A.building);
    const held = PostDto.parse((await staff.post(`/api/posts/${post.id}/holders`, { memberId: m.id })).json());
    expect(held.holder).toMatchObject({ status: 'active', memberId: m.id });
    const me = await kit.asPerson(m.resident.id, A.building);
    const holderId = held.holder!.id;
    const res = await me.post(`/api/post-holders/${holderId}/logs`, { on: today(), hours: 1.5, content: '巡查楼道，清理小广告' });
    expect(res.statusCode, res.body).toBe(201);
    expect(DutyLogDto.parse(res.json())).toMatchObject({ hours: 1.5, holderName: m.resident.name });
    const before = await kit.count('duty_logs');
    const future = await kit.en(me, 'POST', `/api/post-holders/${holderId}/logs`, { on: '2999-01-01', hours: 1, content: 'x' });
    expect(issuesOf(future)).toEqual([{ path: 'on', message: 'The date cannot be in the future' }]);
    const early = await me.post(`/api/post-holders/${holderId}/logs`, { on: '2000-01-01', hours: 1, content: 'x' });
    expect(issuesOf(early)).toEqual([{ path: 'on', message: '日期早于上岗日期' }]);
    expect(
      issuesOf(await me.post(`/api/post-holders/${holderId}/logs`, { on: today(), hours: 20, content: 'x' })).map((i) => i.path),
    ).toEqual(['hours']);
    expect(await kit.count('duty_logs')).toBe(before);

    const log = DutyLogListDto.parse((await me.get(`/api/post-holders/${holderId}/logs`)).json());
    expect(log.totalHours).toBe(1.5);
    const bStaff = await kit.as('community_staff', B.community.id);
    expect((await bStaff.get(`/api/post-holders/${holderId}/logs`)).statusCode).toBe(404);
    const member = await staff.get(`/api/party/members/${m.id}`);
    expect(member.json()).toMatchObject({ hours: 1.5, posts: [expect.objectContaining({ postId: post.id, status: 'active' })] });

    const ended = PostDto.parse((await me.post(`/api/post-holders/${holderId}/moves`, { event: 'end' })).json());
    expect(ended.holder).toBeNull();
    const again = await staff.post(`/api/post-holders/${holderId}/moves`, { event: 'end' });
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect((await me.post(`/api/post-holders/${holderId}/logs`, { on: today(), hours: 1, content: 'x' })).statusCode).toBe(409);
  });

  it('community_staff: assigns a building leader post to a resident who is not a party member; coverage lists what is uncovered', async () => {
    const building2 = await buildArea(ctx.t.db, 'building', A.compound, { gridId: A.grid.id });
    const grid2 = await buildArea(ctx.t.db, 'grid', A.community);
    const leaderPost = await definePost({ kind: 'building_leader', areaId: building2.id });
    const h = await buildHousehold(ctx.t.db, building2);
    const both = await staff.post(`/api/posts/${leaderPost.id}/holders`, { memberId: branchId, residentId: h.members[0]!.id });
    expect(issuesOf(both).map((i) => i.path)).toContain('memberId');
    const res = await staff.post(`/api/posts/${leaderPost.id}/holders`, { residentId: h.members[0]!.id });
    expect(PostDto.parse(res.json()).holder).toMatchObject({ status: 'active', memberId: null, residentId: h.members[0]!.id });
    expect((await staff.post(`/api/posts/${leaderPost.id}/holders`, { residentId: h.members[0]!.id })).statusCode).toBe(409);

    const cov = CoverageDto.parse((await staff.get('/api/posts/coverage')).json());
    expect(cov.buildings.find((b) => b.id === building2.id)).toMatchObject({
      covered: true,
      holders: [{ kind: 'building_leader', status: 'active' }],
    });
    expect(cov.buildings.find((b) => b.id === A.building.id)!.covered).toBe(true);
    expect(cov.grids.find((g) => g.id === grid2.id)).toMatchObject({ covered: false, holders: [] });
    expect(cov.byKind.find((k) => k.kind === 'building_leader')).toEqual({ kind: 'building_leader', posts: 1, held: 1, claimed: 0 });

    const open = PostListDto.parse((await staff.get('/api/posts?state=open&pageSize=100')).json());
    expect(open.items.every((p) => p.holder === null)).toBe(true);
    expect(open.canCreate).toBe(true);
    expect((await staff.get(`/api/posts/coverage?communityId=${B.community.id}`)).statusCode).toBe(404);
  });
});
