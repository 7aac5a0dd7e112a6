import type { AuditAction, UpdateUserInput, UserDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { hashPassword } from '../../auth/passwords.js';
import { deleteUserSessions } from '../../auth/repo-sessions.js';
import { userInScope } from '../access.js';
import { auditAssignments, resolveAssignments, sharedScope } from '../assignments.js';
import { USER_MESSAGES } from '../messages.js';
import { canDeactivateUser } from '../policy.js';
import { presentUser } from '../presenter.js';
import { type UserRow, replaceAssignments, updateUserRow } from '../repo.js';
import { loadUserAssignments } from '../repo-assignments.js';

export type UpdateUserArgs = UpdateUserInput & { id: string };

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function auditAction(before: UserRow, after: UserRow): AuditAction {
  if (before.active && !after.active) return 'user.deactivate';
  if (!before.active && after.active) return 'user.activate';
  return 'user.update';
}

/**
 * Edits a user the actor manages: name, active flag, password, assignments (replaced as a whole).
 * Deactivating or resetting the password signs the user out everywhere.
 */
export async function updateUser({ ctx, input }: VerbArgs<UpdateUserArgs>): Promise<UserDto> {
  requireAbility(ctx.actor, 'users.write');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTx(ctx, async (tctx) => {
    const { user, assignments } = await userInScope(tctx.tx, ctx.actor, input.id, { forUpdate: true, manage: true });
    if (input.active === false) {
      const message = USER_MESSAGES.cannotDeactivateSelf()[ctx.locale];
      authorize(
        { id: user.id, assignments },
        { see: () => true, act: (t) => canDeactivateUser(ctx.actor, t), issue: { path: 'active', message } },
      );
    }
    const resolved = input.assignments ? await resolveAssignments(tctx, input.assignments) : null;
    const patch = definedOnly({ displayName: input.displayName, active: input.active, passwordHash });
    const fields = [...Object.keys(patch).map((k) => (k === 'passwordHash' ? 'password' : k)), ...(resolved ? ['assignments'] : [])];
    const after = Object.keys(patch).length > 0 ? await updateUserRow(tctx.tx, user.id, patch) : user;
    if (resolved) await replaceAssignments(tctx.tx, user.id, resolved);
    if (passwordHash || !after.active) await deleteUserSessions(tctx.tx, user.id);
    const current = resolved ? await loadUserAssignments(tctx.tx, user.id) : assignments;
    if (fields.length > 0)
      await writeAudit(tctx, {
        action: auditAction(user, after),
        entityType: 'user',
        entityId: user.id,
        ...sharedScope([...assignments, ...current]),
        details: { fields, ...(resolved ? { assignments: auditAssignments(resolved) } : {}) },
      });
    return presentUser(ctx.actor, after, current);
  });
}
