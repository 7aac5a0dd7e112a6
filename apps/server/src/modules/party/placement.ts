import type { FieldIssue, Locale, PartyOrgKind } from '@linli/contracts';
import { levelKey } from '../../core/actor.js';
import { PARTY_MESSAGES } from './messages.js';
import { placementProblem } from './policy.js';
import type { AreaRow } from './repo.js';

/** True when `inner` is `outer` or lies inside it in the area tree. */
export function isAreaWithin(inner: AreaRow, outer: AreaRow): boolean {
  return inner[levelKey(outer.kind)] === outer.id;
}

/** Field issues of placing an organisation of `kind` on `area` under a parent on `parentArea` (none when it fits). */
export function placementIssues(
  kind: PartyOrgKind,
  parent: { kind: PartyOrgKind; area: AreaRow } | null,
  area: AreaRow,
  locale: Locale,
): FieldIssue[] {
  const problem = placementProblem(kind, parent?.kind ?? null, area.kind);
  if (problem === 'kind') return [{ path: 'kind', message: PARTY_MESSAGES.kindNotHere()[locale] }];
  if (problem === 'areaId') return [{ path: 'areaId', message: PARTY_MESSAGES.areaKindWrong()[locale] }];
  if (parent && !isAreaWithin(area, parent.area)) return [{ path: 'areaId', message: PARTY_MESSAGES.areaOutsideParent()[locale] }];
  return [];
}

/** Orders a flat list of organisations depth-first, parents before children, siblings in their given order. */
export function treeOrder<T extends { id: string; parentId: string | null }>(orgs: readonly T[]): T[] {
  const ids = new Set(orgs.map((o) => o.id));
  const kids = new Map<string | null, T[]>();
  for (const o of orgs) {
    const p = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    kids.set(p, [...(kids.get(p) ?? []), o]);
  }
  const out: T[] = [];
  const walk = (p: string | null) => {
    for (const o of kids.get(p) ?? []) {
      out.push(o);
      walk(o.id);
    }
  };
  walk(null);
  return out;
}
