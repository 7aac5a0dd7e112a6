import type { BuildingPosition, SiteBuilding } from '@linli/contracts';

export type Cell = { x: number; y: number };
export type Positions = ReadonlyMap<string, Cell>;

export type Bounds = { minX: number; minY: number; cols: number; rows: number };

/** One compound's buildings, drawn as their own block under the compound's name. */
export type SiteBlock = { key: string; name: string | null; ids: string[]; bounds: Bounds };

export const positionsOf = (buildings: readonly SiteBuilding[]): Positions =>
  new Map(buildings.map((b) => [b.id, { x: b.mapX, y: b.mapY }]));

/** The cells to draw: from the top-left building to the bottom-right one, plus `spare` empty rows and columns to move into. */
export function siteBounds(positions: Positions, spare = 0): Bounds {
  const cells = [...positions.values()];
  if (cells.length === 0) return { minX: 0, minY: 0, cols: 0, rows: 0 };
  const xs = cells.map((c) => c.x);
  const ys = cells.map((c) => c.y);
  const minX = Math.max(0, Math.min(...xs) - spare);
  const minY = Math.max(0, Math.min(...ys) - spare);
  return { minX, minY, cols: Math.max(...xs) - minX + 1 + spare, rows: Math.max(...ys) - minY + 1 + spare };
}

/** Moves a building to a cell; a building already there takes the mover's old cell. */
export function moveBuilding(positions: Positions, id: string, to: Cell): Positions {
  const from = positions.get(id);
  if (!from) return positions;
  const next = new Map(positions);
  const occupant = [...positions.entries()].find(([other, c]) => other !== id && c.x === to.x && c.y === to.y)?.[0];
  if (occupant) next.set(occupant, from);
  next.set(id, to);
  return next;
}

/** What to save: moved buildings, and those the server placed automatically, so the site looks as arranged. */
export function positionsToSave(buildings: readonly SiteBuilding[], positions: Positions): BuildingPosition[] {
  return buildings.flatMap((b) => {
    const at = positions.get(b.id);
    if (!at || (b.positioned && at.x === b.mapX && at.y === b.mapY)) return [];
    return [{ buildingId: b.id, mapX: at.x, mapY: at.y }];
  });
}

/**
 * The site cut into one block per compound (buildings outside any compound form one block too), in the order the
 * compounds stand on the site (leftmost, then topmost first); each block's bounds cover only its own buildings.
 */
export function siteBlocks(buildings: readonly SiteBuilding[], positions: Positions, spare = 0): SiteBlock[] {
  const groups = new Map<string, { name: string | null; ids: string[] }>();
  for (const b of buildings) {
    const key = b.compoundId ?? '';
    const group = groups.get(key) ?? { name: b.compoundName, ids: [] };
    group.ids.push(b.id);
    groups.set(key, group);
  }
  const blocks = [...groups].map(([key, g]) => {
    const own = new Map(g.ids.flatMap((id) => (positions.has(id) ? [[id, positions.get(id)!] as const] : [])));
    return { key, name: g.name, ids: g.ids, bounds: siteBounds(own, spare) };
  });
  return blocks.sort((a, b) => a.bounds.minX - b.bounds.minX || a.bounds.minY - b.bounds.minY || a.key.localeCompare(b.key));
}

/** The part of each compound's name that tells it from the others (绿扬新苑东区, 绿扬新苑西区 → 东区, 西区). */
export function compoundShortNames(names: readonly string[]): Map<string, string> {
  const distinct = [...new Set(names)];
  let common = 0;
  if (distinct.length > 1) {
    const first = [...distinct[0]!];
    while (common < first.length && distinct.every((n) => [...n][common] === first[common])) common += 1;
  }
  return new Map(distinct.map((n) => [n, [...n].slice(common).join('') || n]));
}

/** Each building's label: its name, or "compound name" where another compound of the site has a building so named. */
export function buildingLabels(buildings: readonly SiteBuilding[]): Map<string, string> {
  const seen = new Map<string, number>();
  for (const b of buildings) seen.set(b.name, (seen.get(b.name) ?? 0) + 1);
  const short = compoundShortNames(buildings.flatMap((b) => (b.compoundName ? [b.compoundName] : [])));
  return new Map(
    buildings.map((b) => {
      const compound = b.compoundName ? short.get(b.compoundName) : null;
      return [b.id, (seen.get(b.name) ?? 0) > 1 && compound ? `${compound} ${b.name}` : b.name];
    }),
  );
}
