import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { roleAssignments, sessions, users } from '../../db/schema/index.js';
import { buildCommunityTree, buildOrg, buildUser, useTestDb } from '../../testing/index.js';
import { loadActor } from './repo.js';
import { SESSION_IDLE_MS, createSession, findLiveSession, hashToken } from './repo-sessions.js';

const t = useTestDb();

describe('findLiveSession (one round trip for session, user and assignments)', () => {
  let user: Awaited<ReturnType<typeof buildUser>>;
  beforeAll(async () => {
    const tree = await buildCommunityTree(t.db);
    const org = await buildOrg(t.db, tree.community);
    user = await buildUser(t.db, 'grid_worker', { areaId: tree.grid.id });
    await t.db.insert(roleAssignments).values([
      { userId: user.id, role: 'handler_staff', orgId: org.id },
      { userId: user.id, role: 'building_leader', areaId: tree.building.id },
      { userId: user.id, role: 'community_staff', areaId: tree.community.id },
    ]);
  });

  it('gives the same actor and assignment rows as loading the user and its assignments', async () => {
    const { token, csrfToken } = await createSession(t.db, user.id, '10.0.0.1');
    const found = await findLiveSession(t, token);
    expect(found?.session).toMatchObject({ userId: user.id, csrfToken, ip: '10.0.0.1', tokenHash: hashToken(token) });
    expect(found?.session.expiresAt).toBeInstanceOf(Date);
    expect(found?.actor).toEqual(await loadActor(t.db, user.id));
    expect(found?.actor.assignmentRows).toHaveLength(4);
  });

  it('answers null for an unknown token, an idle session (deleting it) and a deactivated user', async () => {
    expect(await findLiveSession(t, 'no-such-token')).toBeNull();
    const idle = await createSession(t.db, user.id, null, new Date(Date.now() - SESSION_IDLE_MS - 1_000));
    expect(await findLiveSession(t, idle.token)).toBeNull();
    expect(
      await t.db
        .select()
        .from(sessions)
        .where(eq(sessions.tokenHash, hashToken(idle.token))),
    ).toEqual([]);
    const live = await createSession(t.db, user.id, null);
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    try {
      expect(await findLiveSession(t, live.token)).toBeNull();
    } finally {
      await t.db.update(users).set({ active: true }).where(eq(users.id, user.id));
    }
  });

  it('sees a role change at the next request (nothing is cached)', async () => {
    const { token } = await createSession(t.db, user.id, null);
    expect((await findLiveSession(t, token))?.actor.roles).toContain('handler_staff');
    await t.db.delete(roleAssignments).where(eq(roleAssignments.role, 'handler_staff'));
    expect((await findLiveSession(t, token))?.actor.roles).not.toContain('handler_staff');
  });
});
