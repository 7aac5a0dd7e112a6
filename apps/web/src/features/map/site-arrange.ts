import type { BuildingPosition, SiteBuilding } from '@linli/contracts';

export type Cell = { x: number; y: number };
export type Positions = ReadonlyMap<string, Cell>;

export const positionsOf = (buildings: readonly SiteBuilding[]): Positions =>
  new Map(buildings.map((b) => [b.id, { x: b.mapX, y: b.mapY }]));

/** The cells to draw: from the top-left building to the bottom-right one, plus `spare` empty rows and columns to move into. */
export function siteBounds(positions: Positions, spare = 0): { minX: number; minY: number; cols: number; rows: number } {
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
