import { AuditEntryDto, UserDto, paged } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { type Agent, TEST_PASSWORD, buildCommunityTree, buildUser, signIn, useTestApp } from '../../testing/index.js';

const ctx = useTestApp();
const AuditPage = paged(AuditEntryDto);
const SECRET = 'the-secret-password-1';
const DISPLAY_NAME = '张秘密';

type User = Awaited<ReturnType<typeof buildUser>>;
let root: Agent;
let adminA: Agent;
let supervisor: Agent;
let staffA: User;
let staffB: User;
let adminBUser: User;
let createdInA: UserDto;
let createdInB: UserDto;

const failSignIn = (username: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'not-the-password' } });

beforeAll(async () => {
  const a = await buildCommunityTree(ctx.t.db);
  const b = await buildCommunityTree(ctx.t.db, a.street);
  const rootUser = await buildUser(ctx.t.db, 'system_admin', { areaId: a.district.id });
  const adminAUser = await buildUser(ctx.t.db, 'community_admin', { areaId: a.community.id });
  adminBUser = await buildUser(ctx.t.db, 'community_admin', { areaId: b.community.id });
  const supervisorUser = await buildUser(ctx.t.db, 'street_supervisor', { areaId: a.street.id });
  staffA = await buildUser(ctx.t.db, 'community_staff', { areaId: a.community.id });
  staffB = await buildUser(ctx.t.db, 'community_staff', { areaId: b.community.id });
  root = await signIn(ctx.app, rootUser.username, TEST_PASSWORD);
  adminA = await signIn(ctx.app, adminAUser.username, TEST_PASSWORD);
  supervisor = await signIn(ctx.app, supervisorUser.username, TEST_PASSWORD);
  const adminB = await signIn(ctx.app, adminBUser.username, TEST_PASSWORD);
  await signIn(ctx.app, staffA.username, TEST_PASSWORD);
  await signIn(ctx.app, staffB.username, TEST_PASSWORD);
  await failSignIn(staffA.username);
  await failSignIn(staffB.username);
  const create = async (agent: Agent, username: string, areaId: string) =>
    UserDto.parse(
      (
        await agent.post('/api/users', {
          username,
          displayName: DISPLAY_NAME,
          password: SECRET,
          assignments: [{ role: 'community_staff', areaId }],
        })
      ).json(),
    );
  createdInA = await create(adminA, 'new-in-a', a.community.id);
  createdInB = await create(adminB, 'new-in-b', b.community.id);
  await adminA.patch(`/api/users/${createdInA.id}`, { active: false });
});

const list = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/audit?pageSize=200${query}`);
  expect(res.statusCode).toBe(200);
  return AuditPage.parse(res.json());
};
const summary = (items: AuditEntryDto[]) => items.map((e) => `${e.action}:${e.outcome}:${e.actorName}:${e.entityId ?? ''}`);

describe('audit log', () => {
  it('system_admin: can read sign-ins, failed sign-ins and user mutations, newest first', async () => {
    const page = await list(root);
    const rows = summary(page.items);
    expect(rows).toEqual(
      expect.arrayContaining([
        `auth.login:ok:${staffA.username}:${staffA.id}`,
        `auth.login:failed:${staffA.username}:`,
        `auth.login:failed:${staffB.username}:`,
        `user.create:ok:${adminBUser.username}:${createdInB.id}`,
        expect.stringMatching(new RegExp(`^user\\.deactivate:ok:.*:${createdInA.id}$`)),
      ]),
    );
    const times = page.items.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('system_admin: can filter by action prefix, actor and time', async () => {
    const auth = await list(root, '&action=auth.');
    expect(auth.items.length).toBeGreaterThan(0);
    expect(auth.items.every((e) => e.action.startsWith('auth.'))).toBe(true);
    const byActor = await list(root, `&actor=${adminBUser.username}`);
    expect(new Set(byActor.items.map((e) => e.actorName))).toEqual(new Set([adminBUser.username]));
    const past = await list(root, `&to=${encodeURIComponent('2000-01-01T00:00:00Z')}`);
    expect(past.total).toBe(0);
    const recent = await list(root, `&from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&action=user.`);
    expect(recent.items.map((e) => e.action).sort()).toEqual(['user.create', 'user.create', 'user.deactivate']);
  });

  it("community_admin: can read their community's rows and not another community's", async () => {
    const rows = summary((await list(adminA)).items);
    expect(rows).toEqual(
      expect.arrayContaining([
        `auth.login:ok:${staffA.username}:${staffA.id}`,
        `auth.login:failed:${staffA.username}:`,
        expect.stringMatching(new RegExp(`^user\\.create:ok:.*:${createdInA.id}$`)),
      ]),
    );
    const leaked = rows.filter((r) => r.includes(staffB.username) || r.includes(adminBUser.username) || r.includes(createdInB.id));
    expect(leaked).toEqual([]);
  });

  it('street_supervisor: can read the rows of every community of the street', async () => {
    const rows = summary((await list(supervisor)).items);
    expect(rows).toEqual(
      expect.arrayContaining([`auth.login:ok:${staffA.username}:${staffA.id}`, `auth.login:ok:${staffB.username}:${staffB.id}`]),
    );
  });

  it('community_staff: cannot read the audit log (403)', async () => {
    const agent = await signIn(ctx.app, staffA.username, TEST_PASSWORD);
    expect((await agent.get('/api/audit')).statusCode).toBe(403);
  });

  it('never stores passwords or personal data in audit rows', async () => {
    const rows = await ctx.t.db.select().from(auditLog);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const text = JSON.stringify(row);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TEST_PASSWORD);
      expect(text).not.toContain(DISPLAY_NAME);
    }
  });
});
