import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@linli/contracts';
import { roleAssignments, sessions, users } from '../../db/schema/index.js';
import { type AreaRow, type Tree, buildCommunityTree, buildOrg, buildUser, useTestDb } from '../../testing/index.js';
import { type AssignmentRow, loadAssignmentsFor } from '../users/repo-assignments.js';
import { SESSION_IDLE_MS, createSession, findLiveSession, hashToken } from './repo-sessions.js';

const t = useTestDb();

describe('findLiveSession (one round trip for session, user and assignments)', () => {
  let user: Awaited<ReturnType<typeof buildUser>>;
  let tree: Tree;
  let org: Awaited<ReturnType<typeof buildOrg>>;
  beforeAll(async () => {
    tree = await buildCommunityTree(t.db);
    org = await buildOrg(t.db, tree.community);
    user = await buildUser(t.db, 'grid_worker', { areaId: tree.grid.id });
    await t.db.insert(roleAssignments).values([
      { userId: user.id, role: 'handler_staff', orgId: org.id },
      { userId: user.id, role: 'building_leader', areaId: tree.building.id },
      { userId: user.id, role: 'community_staff', areaId: tree.community.id },
    ]);
  });

  /** What the one assignments mapping must give: names, the area's ancestor ids or else the org's, in role order. */
  const expectedRows = (): AssignmentRow[] => {
    const upper = { districtId: tree.district.id, streetId: tree.street.id, communityId: tree.community.id };
    const none = { compoundId: null, gridId: null, buildingId: null };
    const area = (role: Role, a: AreaRow, own: Partial<AssignmentRow> = {}): AssignmentRow => ({
      ...{ role, areaId: a.id, areaKind: a.kind, orgId: null, areaName: a.name, areaCode: a.code, orgName: null },
      ...upper,
      ...none,
      ...own,
    });
    return [
      area('community_staff', tree.community),
      area('grid_worker', tree.grid, { gridId: tree.grid.id }),
      area('building_leader', tree.building, { compoundId: tree.compound.id, gridId: tree.grid.id, buildingId: tree.building.id }),
      {
        role: 'handler_staff',
        areaId: null,
        areaKind: null,
        orgId: org.id,
        areaName: null,
        areaCode: null,
        orgName: org.name,
        ...upper,
        ...none,
      },
    ];
  };

  it('gives the session, the actor and its assignment rows with names and ancestor ids', async () => {
    const { token, csrfToken } = await createSession(t.db, user.id, '10.0.0.1');
    const found = await findLiveSession(t, token);
    expect(found?.session).toMatchObject({ userId: user.id, csrfToken, ip: '10.0.0.1', tokenHash: hashToken(token) });
    expect(found?.session.expiresAt).toBeInstanceOf(Date);
    expect(found?.actor).toMatchObject({ userId: user.id, username: user.username, residentId: null });
    expect(found?.actor.roles).toEqual(['community_staff', 'grid_worker', 'building_leader', 'handler_staff']);
    expect(found?.actor.assignmentRows).toEqual(expectedRows());
  });

  it('gives the users list the same assignment rows, and none for a user without assignments', async () => {
    const bare = await buildUser(t.db, 'volunteer', { areaId: tree.community.id });
    await t.db.delete(roleAssignments).where(eq(roleAssignments.userId, bare.id));
    const byUser = await loadAssignmentsFor(t.db, [user.id, bare.id]);
    expect(byUser.get(user.id)).toEqual(expectedRows());
    expect(byUser.get(bare.id)).toEqual([]);
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
