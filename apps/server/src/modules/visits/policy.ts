import type { Role } from '@linli/contracts';
import { type Actor, type ScopedRow, canOn, covers } from '../../core/actor.js';

/** Reading a household's visits: registry.read covering the household. */
export function canReadVisits(actor: Actor, household: ScopedRow): boolean {
  return canOn(actor, 'registry.read', household);
}

/**
 * Recording a visit: registry.write covering the household (grid workers on their grid, community staff),
 * or a building leader (楼长) on their own building, since comfort visits are part of the post.
 */
export function canRecordVisit(actor: Actor, household: ScopedRow): boolean {
  return (
    canOn(actor, 'registry.write', household) ||
    actor.assignments.some((a) => a.role === 'building_leader' && a.areaKind === 'building' && covers(a, household))
  );
}

export function visitAbilities(actor: Actor, household: ScopedRow) {
  return { canRecord: canRecordVisit(actor, household) };
}

/** Whom the overdue list names as a household's contacts: the workers (网格员) of its grid. */
export const OVERDUE_CONTACT_ROLES: readonly Role[] = ['grid_worker'];
