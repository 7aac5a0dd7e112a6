import type { AreaKind } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, canOn, covers, levelKey } from '../../core/actor.js';

/** A loaded household or resident: its scope ids (a resident's compound is its household's) and status. */
export type RegistryRow = ScopedRow & { status: string };

/** Reading: some registry.read assignment covers the row (community, grid or building of the assignment). */
export function canReadRegistry(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'registry.read', row);
}

/** Changing households and residents: registry.write covering the row. */
export function canWriteRegistry(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'registry.write', row);
}

/** Seeing an ID number or phone in full, on request with a reason: pii.reveal covering the row. */
export function canRevealPii(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'pii.reveal', row);
}

/**
 * Seeing a phone in full, with a reason: pii.reveal covering the row, or a grid worker (网格员) in their own
 * grid, who must be able to call the residents they visit. Audited like every reveal.
 */
export function canRevealPhone(actor: Actor, row: ScopedRow): boolean {
  return canRevealPii(actor, row) || actor.assignments.some((a) => a.role === 'grid_worker' && a.areaKind === 'grid' && covers(a, row));
}

/** Revealing these fields of the row: the phone by `canRevealPhone`, anything else by `canRevealPii`. */
export function canRevealFields(actor: Actor, row: ScopedRow, fields: readonly string[]): boolean {
  return fields.every((f) => (f === 'phone' ? canRevealPhone(actor, row) : canRevealPii(actor, row)));
}

/** Filtering by an area: the node lies in the read scope, or contains an assignment's area (a grid worker's community). */
export function canFilterByArea(actor: Actor, node: ScopedRow & { id: string; kind: AreaKind }): boolean {
  return assignmentsWith(actor, 'registry.read').some((a) => covers(a, node) || a[levelKey(node.kind)] === node.id);
}

export function householdAbilities(actor: Actor, row: RegistryRow) {
  const live = row.status === 'active' && canWriteRegistry(actor, row);
  return { canEdit: live, canMove: live, canVisit: live };
}

export function residentAbilities(actor: Actor, row: RegistryRow) {
  return {
    canEdit: row.status === 'active' && canWriteRegistry(actor, row),
    canReveal: canRevealPii(actor, row),
    canRevealPhone: canRevealPhone(actor, row),
  };
}
