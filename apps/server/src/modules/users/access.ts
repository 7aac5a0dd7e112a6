import type { Locale } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { authorize } from '../../core/authorize.js';
import { conflict, isUniqueViolation } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { USER_MESSAGES } from './messages.js';
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

/** After a failed insert of a user: a taken username answers 409 naming the field; anything else goes on up. */
export function rethrowUsernameTaken(e: unknown, locale: Locale): never {
  if (!isUniqueViolation(e)) throw e;
  const message = USER_MESSAGES.usernameTaken()[locale];
  throw conflict(message, { issues: [{ path: 'username', message }] });
}
