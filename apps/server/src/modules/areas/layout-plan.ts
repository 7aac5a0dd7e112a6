import { type BuildingLayoutInput, type FieldIssue, type Locale, flatNumber } from '@linli/contracts';
import { AREA_MESSAGES } from './messages.js';

/** One flat a floor plan asks for; `position` is its 0-based index on the floor. */
export type PlannedFlat = { unitNo: number; floorNo: number; flatNo: string; position: number };
export type ExistingFlat = PlannedFlat & { id: string };

/** Field-level problems of a floor plan: repeated units, repeated floors in a unit, floor 0. */
export function layoutIssues(input: BuildingLayoutInput, locale: Locale): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const units = new Set<number>();
  input.units.forEach((unit, u) => {
    if (units.has(unit.unitNo)) issues.push({ path: `units.${u}.unitNo`, message: AREA_MESSAGES.unitRepeated()[locale] });
    units.add(unit.unitNo);
    const floors = new Set<number>();
    unit.floors.forEach((floor, f) => {
      const path = `units.${u}.floors.${f}.floorNo`;
      if (floor.floorNo === 0) issues.push({ path, message: AREA_MESSAGES.floorZero()[locale] });
      else if (floors.has(floor.floorNo)) issues.push({ path, message: AREA_MESSAGES.floorRepeated()[locale] });
      floors.add(floor.floorNo);
    });
  });
  return issues;
}

/** Every flat the plan asks for, numbered floor + 2-digit index (301, 302 …; B101 in the basement). */
export function planFlats(input: BuildingLayoutInput): PlannedFlat[] {
  return input.units.flatMap((unit) =>
    unit.floors.flatMap((floor) =>
      Array.from({ length: floor.flats }, (_, i) => ({
        unitNo: unit.unitNo,
        floorNo: floor.floorNo,
        flatNo: flatNumber(floor.floorNo, i + 1),
        position: i,
      })),
    ),
  );
}

const keyOf = (f: { unitNo: number; flatNo: string }) => `${f.unitNo}/${f.flatNo}`;

/** What to insert, delete and re-place so the stored flats match the plan; matching flats keep their ids. */
export function diffLayout<E extends ExistingFlat>(existing: readonly E[], wanted: readonly PlannedFlat[]) {
  const have = new Map(existing.map((f) => [keyOf(f), f]));
  const want = new Map(wanted.map((f) => [keyOf(f), f]));
  const toInsert = wanted.filter((f) => !have.has(keyOf(f)));
  const toDelete = existing.filter((f) => !want.has(keyOf(f)));
  const toMove: ExistingFlat[] = [];
  for (const f of existing) {
    const w = want.get(keyOf(f));
    if (w && (w.floorNo !== f.floorNo || w.position !== f.position)) toMove.push({ ...w, id: f.id });
  }
  return { toInsert, toDelete, toMove, kept: existing.length - toDelete.length };
}
