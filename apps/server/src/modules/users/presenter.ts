import type { UserDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import type { AssignmentRow } from './repo-assignments.js';
import { presentScope } from '../auth/presenter.js';
import { userAbilities } from './policy.js';
import type { UserRow } from './repo.js';

/** A user as the actor sees it: never the password hash, with the actor's abilities on it. */
export function presentUser(actor: Actor, user: UserRow, assignments: readonly AssignmentRow[]): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    scopes: assignments.map(presentScope),
    abilities: userAbilities(actor, { id: user.id, assignments }),
  };
}
