import type { Ability, AuditAction, CreateUserInput, UpdateUserInput, UserDto, UserListQuery } from '@linli/contracts';
import { hasAbility } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden, isUniqueViolation } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { hashPassword } from '../auth/passwords.js';
import { deleteUserSessions } from '../auth/session-repo.js';
import { loadAssignmentsFor } from './assignment-repo.js';
import { type ResolvedAssignment, resolveAssignments, sharedScope } from './assignments.js';
import { USER_MESSAGES } from './messages.js';
import { canDeactivateUser, canManageUser, canViewUser } from './policy.js';
import { presentUser } from './presenter.js';
import { type UserRow, findUser, insertUser, replaceAssignments, selectUsersPage, updateUserRow } from './repo.js';

function requireAbility(ctx: AuthedCtx, ability: Ability): void {
  if (!hasAbility(ctx.actor, ability)) throw forbidden();
}

async function assignmentsOf(db: Db | Tx, userId: string) {
  return (await loadAssignmentsFor(db, [userId])).get(userId) ?? [];
}

/** The user with their assignments, or 404 when none of them lies in the actor's users.read scope. */
async function loadVisibleUser(db: Db | Tx, ctx: AuthedCtx, id: string, forUpdate = false) {
  const user = await findUser(db, id, { forUpdate });
  const assignments = user ? await assignmentsOf(db, id) : [];
  if (!user || !canViewUser(ctx.actor, assignments)) throw new AppError('NOT_FOUND');
  return { user, assignments };
}

const auditAssignments = (list: readonly ResolvedAssignment[]) => list.map(({ role, areaId, orgId }) => ({ role, areaId, orgId }));

function usernameTaken(ctx: AuthedCtx): AppError {
  const message = USER_MESSAGES.usernameTaken[ctx.locale];
  return new AppError('CONFLICT', message, { issues: [{ path: 'username', message }] });
}

/** Lists users holding an assignment in the actor's users.read scope, paged, ordered by username. */
export async function listUsers({ ctx, input }: { ctx: AuthedCtx; input: UserListQuery }) {
  requireAbility(ctx, 'users.read');
  const { rows, total } = await selectUsersPage(ctx.db, ctx.actor, input);
  const byUser = await loadAssignmentsFor(
    ctx.db,
    rows.map((u) => u.id),
  );
  const items = rows.map((u) => presentUser(ctx.actor, u, byUser.get(u.id) ?? []));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export async function getUser({ ctx, input }: { ctx: AuthedCtx; input: { id: string } }): Promise<UserDto> {
  requireAbility(ctx, 'users.read');
  const { user, assignments } = await loadVisibleUser(ctx.db, ctx, input.id);
  return presentUser(ctx.actor, user, assignments);
}

/** Creates a user with role assignments the actor may grant; a taken username answers 409. */
export async function createUser({ ctx, input }: { ctx: AuthedCtx; input: CreateUserInput }): Promise<UserDto> {
  requireAbility(ctx, 'users.write');
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const resolved = await resolveAssignments(tx, ctx, input.assignments);
      const user = await insertUser(tx, { username: input.username, displayName: input.displayName, passwordHash });
      await replaceAssignments(tx, user.id, resolved);
      const assignments = await assignmentsOf(tx, user.id);
      await writeAudit(tx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        ...sharedScope(resolved.map((r) => r.target)),
        details: { assignments: auditAssignments(resolved) },
      });
      return presentUser(ctx.actor, user, assignments);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw usernameTaken(ctx);
    throw e;
  }
}

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
export async function updateUser({ ctx, input }: { ctx: AuthedCtx; input: UpdateUserInput & { id: string } }): Promise<UserDto> {
  requireAbility(ctx, 'users.write');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction(async (tx) => {
    const { user, assignments } = await loadVisibleUser(tx, ctx, input.id, true);
    if (!canManageUser(ctx.actor, assignments)) throw forbidden();
    if (input.active === false && !canDeactivateUser(ctx.actor, { id: user.id, assignments })) {
      const message = USER_MESSAGES.cannotDeactivateSelf[ctx.locale];
      throw new AppError('FORBIDDEN', message, { issues: [{ path: 'active', message }] });
    }
    const resolved = input.assignments ? await resolveAssignments(tx, ctx, input.assignments) : null;
    const patch = definedOnly({ displayName: input.displayName, active: input.active, passwordHash });
    const fields = [...Object.keys(patch).map((k) => (k === 'passwordHash' ? 'password' : k)), ...(resolved ? ['assignments'] : [])];
    const after = Object.keys(patch).length > 0 ? await updateUserRow(tx, user.id, patch) : user;
    if (resolved) await replaceAssignments(tx, user.id, resolved);
    if (passwordHash || !after.active) await deleteUserSessions(tx, user.id);
    const current = resolved ? await assignmentsOf(tx, user.id) : assignments;
    if (fields.length > 0)
      await writeAudit(tx, ctx, {
        action: auditAction(user, after),
        entityType: 'user',
        entityId: user.id,
        ...sharedScope([...assignments, ...current]),
        details: { fields, ...(resolved ? { assignments: auditAssignments(resolved) } : {}) },
      });
    return presentUser(ctx.actor, after, current);
  });
}
