import type { BuildingLayoutInput, FlatDto } from '@linli/contracts';

/** The editor's view of one unit (单元): a floor range with a default flat count and per-floor exceptions. */
export type UnitPlan = {
  unitNo: number;
  fromFloor: number;
  toFloor: number;
  flatsPerFloor: number;
  overrides: { floorNo: number; flats: number }[];
};

/** Floors from..to inclusive, ascending; there is no floor 0 (−1 is the first basement). */
export function floorsBetween(from: number, to: number): number[] {
  const floors: number[] = [];
  for (let f = Math.min(from, to); f <= Math.max(from, to); f++) if (f !== 0) floors.push(f);
  return floors;
}

export function planToInput(units: readonly UnitPlan[]): BuildingLayoutInput {
  return {
    units: units.map((u) => ({
      unitNo: u.unitNo,
      floors: floorsBetween(u.fromFloor, u.toFloor).map((floorNo) => ({
        floorNo,
        flats: u.overrides.find((o) => o.floorNo === floorNo)?.flats ?? u.flatsPerFloor,
      })),
    })),
  };
}

export function countPlannedFlats(units: readonly UnitPlan[]): number {
  return planToInput(units).units.reduce((sum, u) => sum + u.floors.reduce((s, f) => s + f.flats, 0), 0);
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  for (const [v, c] of counts) if (c > (counts.get(best) ?? 0)) best = v;
  return best;
}

/** Reads the current flats back into an editable plan: the usual count per floor, and the floors that differ. */
export function flatsToPlan(flats: readonly Pick<FlatDto, 'unitNo' | 'floorNo'>[]): UnitPlan[] {
  const byUnit = new Map<number, Map<number, number>>();
  for (const f of flats) {
    const floors = byUnit.get(f.unitNo) ?? new Map<number, number>();
    floors.set(f.floorNo, (floors.get(f.floorNo) ?? 0) + 1);
    byUnit.set(f.unitNo, floors);
  }
  return [...byUnit.keys()]
    .sort((a, b) => a - b)
    .map((unitNo) => {
      const floors = byUnit.get(unitNo) ?? new Map<number, number>();
      const nos = [...floors.keys()];
      const fromFloor = Math.min(...nos);
      const toFloor = Math.max(...nos);
      const range = floorsBetween(fromFloor, toFloor);
      const flatsPerFloor = mostCommon(range.map((f) => floors.get(f) ?? 0));
      const overrides = range.map((floorNo) => ({ floorNo, flats: floors.get(floorNo) ?? 0 })).filter((o) => o.flats !== flatsPerFloor);
      return { unitNo, fromFloor, toFloor, flatsPerFloor, overrides };
    });
}

export const compareFlatNo = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export type FlatGrid<F> = {
  /** top floor first */
  floors: number[];
  units: { unitNo: number; width: number }[];
  at: (unitNo: number, floorNo: number) => F[];
};

/** Lays flats out as the building map draws them: floors as rows, units as column groups as wide as their widest floor. */
export function flatGrid<F extends Pick<FlatDto, 'unitNo' | 'floorNo' | 'flatNo'>>(flats: readonly F[]): FlatGrid<F> {
  const cells = new Map<string, F[]>();
  for (const f of flats) {
    const key = `${f.unitNo}:${f.floorNo}`;
    cells.set(key, [...(cells.get(key) ?? []), f]);
  }
  for (const list of cells.values()) list.sort((a, b) => compareFlatNo(a.flatNo, b.flatNo));
  const floors = [...new Set(flats.map((f) => f.floorNo))].sort((a, b) => b - a);
  const unitNos = [...new Set(flats.map((f) => f.unitNo))].sort((a, b) => a - b);
  const units = unitNos.map((unitNo) => ({
    unitNo,
    width: Math.max(0, ...floors.map((fl) => cells.get(`${unitNo}:${fl}`)?.length ?? 0)),
  }));
  return { floors, units, at: (unitNo, floorNo) => cells.get(`${unitNo}:${floorNo}`) ?? [] };
}

/** Floor labels as residents say them: B1 for the first basement. */
export function floorLabel(floorNo: number): string {
  return floorNo < 0 ? `B${-floorNo}` : String(floorNo);
}
