/** Columns the automatic layout fills before it starts a new row. */
export const AUTO_COLUMNS = 8;

type Placeable = { mapX: number | null; mapY: number | null };
export type Placed<T> = T & { mapX: number; mapY: number; positioned: boolean };

/** Buildings someone has arranged keep their cells; the others, in the given order, fill the rows below them. */
export function placeBuildings<T extends Placeable>(items: readonly T[], columns = AUTO_COLUMNS): Placed<T>[] {
  const isPlaced = (b: T) => b.mapX !== null && b.mapY !== null;
  let cell = (Math.max(-1, ...items.filter(isPlaced).map((b) => b.mapY!)) + 1) * columns;
  return items.map((b) => {
    if (isPlaced(b)) return { ...b, mapX: b.mapX!, mapY: b.mapY!, positioned: true };
    const at = { mapX: cell % columns, mapY: Math.floor(cell / columns) };
    cell++;
    return { ...b, ...at, positioned: false };
  });
}
