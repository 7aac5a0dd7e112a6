import { ErrorBody, MeDto, UserDto, paged } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, type Tree, buildCommunityTree, buildOrg, buildUser, signIn, useTestApp } from '../../testing/index.js';

const ctx = useTestApp();
const UserPage = paged(UserDto);
const NEW_PASSWORD = 'a-long-new-password';

let a: Tree;
let b: Tree;
let sysAdmin: Agent;
let adminA: Agent;
let adminAUser: Awaited<ReturnType<typeof buildUser>>;
let staffA: Awaited<ReturnType<typeof buildUser>>;
let staffB: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  a = await buildCommunityTree(ctx.t.db);
  b = await buildCommunityTree(ctx.t.db, a.street);
  const root = await buildUser(ctx.t.db, 'system_admin', { areaId: a.district.id });
  adminAUser = await buildUser(ctx.t.db, 'community_admin', { areaId: a.community.id });
  staffA = await buildUser(ctx.t.db, 'community_staff', { areaId: a.community.id });
  staffB = await buildUser(ctx.t.db, 'community_staff', { areaId: b.community.id });
  sysAdmin = await signIn(ctx.app, root.username, TEST_PASSWORD);
  adminA = await signIn(ctx.app, adminAUser.username, TEST_PASSWORD);
});

const staffInput = (username: string, areaId: string) => ({
  username,
  displayName: `测试 ${username}`,
  password: NEW_PASSWORD,
  assignments: [{ role: 'community_staff', areaId }],
});

const error = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error;

describe('creating users', () => {
  it('system_admin: can create a community staff user who can then sign in', async () => {
    const res = await sysAdmin.post('/api/users', staffInput('Wang.Li', a.community.id));
    expect(res.statusCode).toBe(201);
    const user = UserDto.parse(res.json());
    expect(user.username).toBe('wang.li');
    expect(user.scopes).toEqual([expect.objectContaining({ role: 'community_staff', areaId: a.community.id, areaKind: 'community' })]);
    expect(user.abilities).toEqual({ canEdit: true, canDeactivate: true });
    const agent = await signIn(ctx.app, 'wang.li', NEW_PASSWORD);
    const me = MeDto.parse((await agent.get('/api/me')).json());
    expect(me.roles).toEqual(['community_staff']);
    expect(me.grantableRoles).toEqual([]);
  });

  it('rejects a password under 12 characters on the password field, in Chinese and English', async () => {
    const body = { ...staffInput('short-pass', a.community.id), password: 'short-pw' };
    const zh = await sysAdmin.post('/api/users', body);
    expect(zh.statusCode).toBe(400);
    const zhIssue = error(zh).details?.issues?.find((i) => i.path === 'password');
    expect(zhIssue?.message).toMatch(/12/);
    expect(zhIssue?.message).toMatch(/[\u4e00-\u9fff]/);
    const en = await sysAdmin.request({ method: 'POST', url: '/api/users', payload: body, headers: { 'x-linli-locale': 'en' } });
    expect(en.statusCode).toBe(400);
    expect(error(en).details?.issues?.find((i) => i.path === 'password')?.message).toMatch(/at least|>=12|12 characters/i);
  });

  it('answers a taken username with 409 on the username field', async () => {
    const res = await sysAdmin.post('/api/users', staffInput(staffA.username, a.community.id));
    expect(res.statusCode).toBe(409);
    expect(error(res).details?.issues?.map((i) => i.path)).toEqual(['username']);
  });

  it('rejects an assignment without a scope, or an org for an area-only role, field by field', async () => {
    const org = await buildOrg(ctx.t.db, a.community);
    const res = await sysAdmin.post('/api/users', {
      ...staffInput('bad-scope', a.community.id),
      assignments: [{ role: 'grid_worker' }, { role: 'community_staff', orgId: org.id }],
    });
    expect(res.statusCode).toBe(400);
    expect(error(res).details?.issues?.map((i) => i.path)).toEqual(['assignments.0.areaId', 'assignments.1.orgId']);
  });

  it('community_admin: can create a staff user and a handler of an org in their community', async () => {
    const org = await buildOrg(ctx.t.db, a.community);
    const res = await adminA.post('/api/users', {
      ...staffInput('a-handler', a.community.id),
      assignments: [
        { role: 'handler_staff', orgId: org.id },
        { role: 'grid_worker', areaId: a.grid.id },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(UserDto.parse(res.json()).scopes.map((s) => s.role)).toEqual(['grid_worker', 'handler_staff']);
  });

  it('community_admin: cannot grant system_admin, street_supervisor or evaluator (403)', async () => {
    const me = MeDto.parse((await adminA.get('/api/me')).json());
    expect(me.grantableRoles).toEqual(expect.arrayContaining(['community_staff', 'grid_worker', 'handler_staff']));
    expect(me.grantableRoles.filter((r) => ['system_admin', 'street_supervisor', 'evaluator'].includes(r))).toEqual([]);
    for (const role of ['system_admin', 'street_supervisor', 'evaluator']) {
      const res = await adminA.post('/api/users', {
        ...staffInput(`grant-${role.replace('_', '-')}`, a.community.id),
        assignments: [{ role, areaId: a.community.id }],
      });
      expect(res.statusCode, role).toBe(403);
      expect(error(res).details?.issues?.[0]?.path).toBe('assignments.0.role');
    }
  });

  // An area or org outside the actor's users.write scope answers 404, like any row outside scope.
  it('community_admin: cannot assign an area of another community (404)', async () => {
    const res = await adminA.post('/api/users', staffInput('other-community', b.community.id));
    expect(res.statusCode).toBe(404);
    expect(error(res).details?.issues?.[0]?.path).toBe('assignments.0.areaId');
    const street = await adminA.post('/api/users', staffInput('on-the-street', a.street.id));
    expect(street.statusCode).toBe(404);
  });

  it('community_staff: cannot create or list users (403)', async () => {
    const agent = await signIn(ctx.app, staffA.username, TEST_PASSWORD);
    expect((await agent.post('/api/users', staffInput('by-staff', a.community.id))).statusCode).toBe(403);
    expect((await agent.get('/api/users')).statusCode).toBe(403);
    expect((await agent.get(`/api/users/${staffA.id}`)).statusCode).toBe(403);
  });

  it('answers 401 without a session', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/users', payload: {} });
    expect(res.statusCode).toBe(401);
  });
});

describe('reading users', () => {
  it('community_admin: lists only users of their community, ordered by username', async () => {
    const page = UserPage.parse((await adminA.get('/api/users?pageSize=200')).json());
    const names = page.items.map((u) => u.username);
    expect(names).toContain(staffA.username);
    expect(names).not.toContain(staffB.username);
    expect(names).toEqual([...names].sort());
    expect(page.total).toBe(page.items.length);
    const self = page.items.find((u) => u.id === adminAUser.id);
    expect(self?.abilities).toEqual({ canEdit: true, canDeactivate: false });
  });

  it('system_admin: finds users by username or display name, paged', async () => {
    const byName = UserPage.parse((await sysAdmin.get('/api/users?q=%E6%B5%8B%E8%AF%95%20wang')).json());
    expect(byName.items.map((u) => u.username)).toEqual(['wang.li']);
    const first = UserPage.parse((await sysAdmin.get('/api/users?pageSize=2&page=1')).json());
    const second = UserPage.parse((await sysAdmin.get('/api/users?pageSize=2&page=2')).json());
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThan(2);
    expect(second.items[0]!.username > first.items[1]!.username).toBe(true);
  });

  it('community_admin: cannot read or edit a user of another community (404)', async () => {
    expect((await adminA.get(`/api/users/${staffB.id}`)).statusCode).toBe(404);
    expect((await adminA.patch(`/api/users/${staffB.id}`, { displayName: 'x' })).statusCode).toBe(404);
  });

  it('community_admin: can read but cannot edit a user who also works in another community (403)', async () => {
    const res = await sysAdmin.post('/api/users', {
      ...staffInput('two-places', a.community.id),
      assignments: [
        { role: 'community_staff', areaId: a.community.id },
        { role: 'community_staff', areaId: b.community.id },
      ],
    });
    const user = UserDto.parse(res.json());
    const seen = UserDto.parse((await adminA.get(`/api/users/${user.id}`)).json());
    expect(seen.abilities.canEdit).toBe(false);
    expect((await adminA.patch(`/api/users/${user.id}`, { displayName: 'x' })).statusCode).toBe(403);
  });
});

describe('editing users', () => {
  it('community_admin: can deactivate a staff user, whose session stops working and who can no longer sign in', async () => {
    const target = await buildUser(ctx.t.db, 'community_staff', { areaId: a.community.id });
    const session = await signIn(ctx.app, target.username, TEST_PASSWORD);
    const res = await adminA.patch(`/api/users/${target.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(UserDto.parse(res.json()).active).toBe(false);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    await expect(signIn(ctx.app, target.username, TEST_PASSWORD)).rejects.toThrow(/401/);
  });

  it('community_admin: can reset a password, which signs the user out everywhere', async () => {
    const target = await buildUser(ctx.t.db, 'community_staff', { areaId: a.community.id });
    const session = await signIn(ctx.app, target.username, TEST_PASSWORD);
    expect((await adminA.patch(`/api/users/${target.id}`, { password: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    await expect(signIn(ctx.app, target.username, TEST_PASSWORD)).rejects.toThrow(/401/);
    await signIn(ctx.app, target.username, NEW_PASSWORD);
  });

  it('community_admin: can rename and reassign a user within their community', async () => {
    const target = await buildUser(ctx.t.db, 'community_staff', { areaId: a.community.id });
    const res = await adminA.patch(`/api/users/${target.id}`, {
      displayName: '新名字',
      assignments: [{ role: 'grid_worker', areaId: a.grid.id }],
    });
    const user = UserDto.parse(res.json());
    expect(user.displayName).toBe('新名字');
    expect(user.scopes.map((s) => [s.role, s.areaId])).toEqual([['grid_worker', a.grid.id]]);
  });

  it('community_admin: cannot deactivate themself (403)', async () => {
    const res = await adminA.patch(`/api/users/${adminAUser.id}`, { active: false });
    expect(res.statusCode).toBe(403);
    expect(error(res).details?.issues?.[0]?.path).toBe('active');
  });

  it('community_admin: cannot move a user into another community (404)', async () => {
    const res = await adminA.patch(`/api/users/${staffA.id}`, { assignments: [{ role: 'community_staff', areaId: b.community.id }] });
    expect(res.statusCode).toBe(404);
  });
});
