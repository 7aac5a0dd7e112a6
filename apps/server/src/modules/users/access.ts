import type { Actor } from '../../core/actor.js';
import { authorize } from '../../core/authorize.js';
import type { Db, Tx } from '../../db/pool.js';
import { canManageUser, canViewUser } from './policy.js';
import { type UserRow, findUser } from './repo.js';
import { type AssignmentRow, loadUserAssignments } from './repo-assignments.js';

export type UserWithAssignments = { user: UserRow; assignments: AssignmentRow[] };

/**
 * The user with their assignments: 404 unless one of them lies in the actor's users.read scope; with
 * `manage`, 403 unless the actor could have granted every one of them.
 */
export async function userInScope(
  db: Db | Tx,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean; manage?: boolean } = {},
): Promise<UserWithAssignments> {
  const user = await findUser(db, id, { forUpdate: opts.forUpdate });
  const found = user && { user, assignments: await loadUserAssignments(db, id) };
  return authorize(found, {
    see: (u) => canViewUser(actor, u.assignments),
    act: opts.manage ? (u) => canManageUser(actor, u.assignments) : undefined,
    entity: 'user',
  });
}
