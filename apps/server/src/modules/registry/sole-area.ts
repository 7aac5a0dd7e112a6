import { type Ability, type AreaKind, UNSCOPED_ROLE } from '@linli/contracts';
import { type Actor, assignmentsWith, levelKey } from '../../core/actor.js';

export type SoleArea = { kind: AreaKind; id: string };

/**
 * The one area all the actor's assignments granting `ability` name (most staff hold one), so the scope filter is one
 * equality on that level's column and a list statement can take the id as a parameter; null for anything else
 * (several areas, a system-wide role, no area).
 */
export function soleArea(actor: Actor, ability: Ability): SoleArea | null {
  let sole: SoleArea | null = null;
  for (const a of assignmentsWith(actor, ability)) {
    if (a.role === UNSCOPED_ROLE) return null;
    if (!a.areaKind) continue;
    const id = a[levelKey(a.areaKind)];
    if (!id) return null;
    if (sole && (sole.kind !== a.areaKind || sole.id !== id)) return null;
    sole = { kind: a.areaKind, id };
  }
  return sole;
}
