import { randomUUID } from 'node:crypto';
import { buildingKey, floorOfFlat } from './cells.js';
import type { BuildingRef, FlatRef, Reference } from './reference.js';
import type { HouseholdGroup } from './register.js';
import type { Params } from './row-rules.js';
import type { ProblemKey } from './messages.js';

export type NewFlat = { id: string; buildingId: string; unitNo: number; floorNo: number; flatNo: string; position: number };
export type Place = { building: BuildingRef; flat: FlatRef | NewFlat; isNew: boolean };
export type PlaceProblem = { field: 'compound' | 'building' | 'unit' | 'flat'; key: ProblemKey; params?: Params };

const norm = (s: string) => s.normalize('NFKC').replace(/\s/g, '').toLowerCase();

/** Finds the buildings, flats and (optionally) the flats to create for household groups, remembering new flats across groups. */
export function createPlaceResolver(ref: Reference, createMissingFlats: boolean) {
  const flatByKey = new Map<string, FlatRef | NewFlat>();
  const flatsByNo = new Map<string, (FlatRef | NewFlat)[]>();
  const remember = (f: FlatRef | NewFlat) => {
    flatByKey.set(`${f.buildingId}|${f.unitNo}|${norm(f.flatNo)}`, f);
    const k = `${f.buildingId}|${norm(f.flatNo)}`;
    flatsByNo.set(k, [...(flatsByNo.get(k) ?? []), f]);
  };
  ref.flats.forEach(remember);
  const created: NewFlat[] = [];
  const isCreated = new Set<FlatRef | NewFlat>();

  function compoundOf(name: string): { id: string } | PlaceProblem {
    const n = norm(name);
    const exact = ref.compounds.filter((c) => norm(c.name) === n);
    const loose = exact.length ? exact : ref.compounds.filter((c) => norm(c.name).includes(n) || n.includes(norm(c.name)));
    return loose.length === 1 ? loose[0]! : { field: 'compound', key: 'unknownCompound', params: { value: name } };
  }

  // a register names each building once per household: resolve each (compound, building) pair once
  const buildings = new Map<string, BuildingRef | PlaceProblem>();
  const keyOf = new Map(ref.buildings.map((b) => [b, buildingKey(b.name)]));
  function buildingOf(g: HouseholdGroup): BuildingRef | PlaceProblem {
    const key = `${g.compound ?? ''}\u0000${g.building}`;
    let found = buildings.get(key);
    if (!found) buildings.set(key, (found = findBuilding(g)));
    return found;
  }

  function findBuilding(g: HouseholdGroup): BuildingRef | PlaceProblem {
    let candidates = ref.buildings;
    if (g.compound) {
      const c = compoundOf(g.compound);
      if ('key' in c) return c;
      candidates = candidates.filter((b) => b.compoundId === c.id);
    }
    const key = buildingKey(g.building);
    const found = candidates.filter((b) => keyOf.get(b) === key);
    if (found.length === 1) return found[0]!;
    const params = { value: g.building };
    return { field: 'building', key: found.length > 1 ? 'ambiguousBuilding' : 'unknownBuilding', params };
  }

  function flatOf(b: BuildingRef, g: HouseholdGroup): Place | PlaceProblem {
    if (g.unit !== null) {
      const hit = flatByKey.get(`${b.id}|${g.unit}|${norm(g.flat)}`);
      if (hit) return { building: b, flat: hit, isNew: isCreated.has(hit) };
    } else {
      const hits = flatsByNo.get(`${b.id}|${norm(g.flat)}`) ?? [];
      if (hits.length > 1) return { field: 'unit', key: 'unitNeeded' };
      if (hits.length === 1) return { building: b, flat: hits[0]!, isNew: isCreated.has(hits[0]!) };
    }
    const unitNo = g.unit ?? 1;
    if (!createMissingFlats) return { field: 'flat', key: 'unknownFlat', params: { building: b.name, unit: unitNo, flat: g.flat } };
    const position = Number(/\d{1,2}$/.exec(g.flat)?.[0] ?? 1) || 1;
    const flat: NewFlat = { id: randomUUID(), buildingId: b.id, unitNo, floorNo: floorOfFlat(g.flat), flatNo: g.flat, position };
    created.push(flat);
    isCreated.add(flat);
    remember(flat);
    return { building: b, flat, isNew: true };
  }

  return {
    resolve(g: HouseholdGroup): Place | PlaceProblem {
      const b = buildingOf(g);
      return 'key' in b ? b : flatOf(b, g);
    },
    created,
  };
}
