import type { FieldIssue, Locale, SitePositionsInput } from '@linli/contracts';
import { type ScopedRow, levelKey } from '../../core/actor.js';
import { MAP_MESSAGES } from './messages.js';
import type { MapNodeRow } from './repo.js';

/** A building of the community as stored: its cell and the areas it lies in. */
export type StoredPosition = ScopedRow & { id: string; name: string; mapX: number | null; mapY: number | null };

/** Field issues of an arrangement: buildings off the site, repeated, or landing on a cell another building keeps. */
export function positionIssues(site: MapNodeRow, community: StoredPosition[], input: SitePositionsInput, locale: Locale): FieldIssue[] {
  const byId = new Map(community.map((b) => [b.id, b]));
  const key = levelKey(site.kind);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.positions.forEach((p, i) => {
    const b = byId.get(p.buildingId);
    if (!b || b[key] !== site.id) issues.push({ path: `positions.${i}.buildingId`, message: MAP_MESSAGES.notOnSite()[locale] });
    else if (seen.has(p.buildingId)) issues.push({ path: `positions.${i}.buildingId`, message: MAP_MESSAGES.repeated()[locale] });
    seen.add(p.buildingId);
  });
  if (issues.length > 0) return issues;
  const moved = new Map(input.positions.map((p) => [p.buildingId, p]));
  const cells = new Map<string, StoredPosition[]>();
  for (const b of community) {
    const at = moved.get(b.id) ?? b;
    if (at.mapX === null || at.mapY === null) continue;
    const cell = `${at.mapX},${at.mapY}`;
    cells.set(cell, [...(cells.get(cell) ?? []), b]);
  }
  input.positions.forEach((p, i) => {
    const other = cells.get(`${p.mapX},${p.mapY}`)?.find((b) => b.id !== p.buildingId);
    if (other) issues.push({ path: `positions.${i}`, message: MAP_MESSAGES.cellTaken(other.name)[locale] });
  });
  return issues;
}
