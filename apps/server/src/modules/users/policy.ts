import { type Ability, Role } from '@linli/contracts';
import { type Actor, type Assignment, type ScopedRow, assignmentsWith, canOn, covers } from '../../core/actor.js';

/** A role to grant on a loaded scope row: the area node's ancestor ids, or the org's streetId/communityId. */
export type GrantTarget = { role: Role; target: ScopedRow };

/** The role `create-admin` gives: one that no scope limits. */
export const ADMIN_ROLE: Role = 'system_admin';

/** Roles a granting role may hand out; only a system admin grants system_admin. */
const GRANTABLE: Partial<Record<Role, (role: Role) => boolean>> = {
  system_admin: () => true,
  street_supervisor: (role) => role !== 'system_admin',
  community_admin: (role) => role !== 'system_admin' && role !== 'street_supervisor' && role !== 'evaluator',
};

/** The roles the actor may grant somewhere in their users.write scope; the user form offers these. */
export function grantableRoles(actor: Actor): Role[] {
  const granters = assignmentsWith(actor, 'users.write');
  return Role.options.filter((role) => granters.some((a) => GRANTABLE[a.role]?.(role) ?? false));
}

/** True when a system-admin assignment grants `ability`: no scope limits it. */
export function coversEverything(actor: Actor, ability: Ability): boolean {
  return assignmentsWith(actor, ability).some((a) => a.role === 'system_admin');
}

/** True when some users.write assignment of the actor covers the target (the actor may act there at all). */
export function canWriteUsersAt(actor: Actor, target: ScopedRow): boolean {
  return canOn(actor, 'users.write', target);
}

/** True when the actor may grant `role` on the target scope. */
export function canGrant(actor: Actor, { role, target }: GrantTarget): boolean {
  return assignmentsWith(actor, 'users.write').some((a) => covers(a, target) && (GRANTABLE[a.role]?.(role) ?? false));
}

/** A user is visible when one of their assignments lies inside the actor's users.read scope. */
export function canViewUser(actor: Actor, targetAssignments: readonly Assignment[]): boolean {
  if (coversEverything(actor, 'users.read')) return true;
  return targetAssignments.some((t) => canOn(actor, 'users.read', t));
}

/** A user is manageable when the actor could have granted every one of their assignments. */
export function canManageUser(actor: Actor, targetAssignments: readonly Assignment[]): boolean {
  if (targetAssignments.length === 0) return coversEverything(actor, 'users.write');
  return targetAssignments.every((t) => canGrant(actor, { role: t.role, target: t }));
}

/** Nobody deactivates themself (it would lock the last admin out). */
export function canDeactivateUser(actor: Actor, target: { id: string; assignments: readonly Assignment[] }): boolean {
  return target.id !== actor.userId && canManageUser(actor, target.assignments);
}

export function userAbilities(actor: Actor, target: { id: string; assignments: readonly Assignment[] }) {
  return { canEdit: canManageUser(actor, target.assignments), canDeactivate: canDeactivateUser(actor, target) };
}
