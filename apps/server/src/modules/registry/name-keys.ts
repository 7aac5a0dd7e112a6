import { type Ability, UNSCOPED_ROLE } from '@linli/contracts';
import { type Actor, assignmentsWith } from '../../core/actor.js';

/**
 * The prefixes of the name search keys (`resident_name_keys` in migration 0011) that cover the actor's read
 * scope: a community's for an assignment at community level or below, a street's, or none ('') for a district
 * or the whole system. Null when some assignment cannot be covered, so the search goes without the keys.
 */
export function nameKeyPrefixes(actor: Actor, ability: Ability): string[] | null {
  const prefixes = new Set<string>();
  for (const a of assignmentsWith(actor, ability)) {
    if (a.role === UNSCOPED_ROLE || a.areaKind === 'district') prefixes.add('');
    else if (!a.areaKind) continue;
    else if (a.areaKind === 'street' && a.streetId) prefixes.add(`s${a.streetId.slice(0, 8)}`);
    else if (a.areaKind !== 'street' && a.communityId) prefixes.add(`c${a.communityId.slice(0, 8)}`);
    else return null;
  }
  return [...prefixes];
}

/** The pieces of a searched name every matching name contains: the character itself, or each pair of neighbours. */
export function nameQueryPieces(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
}
