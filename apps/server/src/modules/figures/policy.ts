import type { AreaKind } from '@linli/contracts';
import { type Actor, type ScopedRow, assignmentsWith, covers, levelKey } from '../../core/actor.js';

/** Narrowing to an area: the area lies in the figures scope, or holds an assignment's area (a community reader picking their street). */
export function canFilterFigures(actor: Actor, node: ScopedRow & { id: string; kind: AreaKind }): boolean {
  return assignmentsWith(actor, 'figures.read').some((a) => covers(a, node) || a[levelKey(node.kind)] === node.id);
}
