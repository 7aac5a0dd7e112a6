import type { AreaKind } from '@linli/contracts';
import type { areaNodes, flats } from '../db/schema/index.js';
import { ancestryFor, type ParentNode } from '../modules/areas/tree.js';
import type { CommunityPlan, FloorPlanName } from './plan.js';
import { FLOOR_PLANS } from './plan.js';
import type { Rng } from './rng.js';

export type AreaInsert = typeof areaNodes.$inferInsert;
export type FlatInsert = typeof flats.$inferInsert;
export type SeedNode = ParentNode & { code: string; name: string };
export type SeedFlat = { id: string; unitNo: number; floorNo: number; flatNo: string; building: SeedBuilding };
export type SeedBuilding = SeedNode & { gridId: string; compoundId: string; flats: SeedFlat[] };

/** The area ids a row placed in building `b` carries, down to the building. */
export function buildingPlace(b: SeedBuilding) {
  return {
    districtId: b.districtId!,
    streetId: b.streetId!,
    communityId: b.communityId!,
    compoundId: b.compoundId,
    gridId: b.gridId,
    buildingId: b.id,
  };
}
export type SeedCommunity = {
  plan: CommunityPlan;
  node: SeedNode;
  compounds: SeedNode[];
  grids: SeedNode[];
  buildings: SeedBuilding[];
};
export type SeedAreas = {
  district: SeedNode;
  street: SeedNode;
  communities: SeedCommunity[];
  areaRows: AreaInsert[];
  flatRows: FlatInsert[];
};

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 10 → 十, 16 → 十六, 23 → 二十三. */
export function cnNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${ones === 0 && tens > 0 ? '' : DIGITS[ones]}`;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const COLUMNS = 8;

/** Cuts the buildings (by flat count) into `count` contiguous runs of about equal size: the grids. */
export function splitIntoGrids(flatCounts: readonly number[], count: number): number[] {
  const total = flatCounts.reduce((s, n) => s + n, 0);
  const gridOf: number[] = [];
  let sum = 0;
  for (const n of flatCounts) {
    gridOf.push(Math.min(count - 1, Math.floor((sum + n / 2) / (total / count))));
    sum += n;
  }
  return gridOf;
}

const flatTotal = (plan: FloorPlanName) => FLOOR_PLANS[plan].floors * FLOOR_PLANS[plan].units.reduce((s, n) => s + n, 0);

/** Collects area and flat rows as nodes are made; every node's id comes from the rng. */
export function areaSink(rng: Rng) {
  const areaRows: AreaInsert[] = [];
  const flatRows: FlatInsert[] = [];
  const node = (kind: AreaKind, code: string, name: string, parent: SeedNode | null, extra: Partial<AreaInsert> = {}): SeedNode => {
    const id = rng.uuid();
    const anc = ancestryFor(kind, id, parent, extra.gridId);
    areaRows.push({ id, kind, code, name, parentId: parent?.id ?? null, ...anc, ...extra });
    return { id, kind, code, name, ...anc };
  };
  return { areaRows, flatRows, node };
}
export type AreaSink = ReturnType<typeof areaSink>;

/** One community of `street` per its plan: compounds, grids, buildings and flats, into `sink`. */
export function buildCommunity(rng: Rng, sink: AreaSink, plan: CommunityPlan, street: SeedNode): SeedCommunity {
  const { node, flatRows } = sink;
  const community = node('community', plan.code, plan.name, street);
  const compoundPlans = plan.compounds.map((c) => ({ ...c, plans: c.mix.flatMap(([p, n]) => Array<FloorPlanName>(n).fill(p)) }));
  const gridOf = splitIntoGrids(
    compoundPlans.flatMap((c) => c.plans.map(flatTotal)),
    plan.grids,
  );
  const grids = Array.from({ length: plan.grids }, (_, i) =>
    node('grid', `${plan.code}${pad(i + 1, 3)}`, `第${cnNumber(i + 1)}网格`, community),
  );
  const buildings: SeedBuilding[] = [];
  const compounds = compoundPlans.map((cp, ci) => {
    const compound = node('compound', `${plan.code}-${pad(ci + 1, 2)}`, cp.name, community);
    cp.plans.forEach((planName, bi) => {
      const grid = grids[gridOf[buildings.length]!]!;
      const b = node('building', `${compound.code}-${pad(bi + 1, 3)}`, `${bi + 1}幢`, compound, {
        gridId: grid.id,
        mapX: ci * (COLUMNS + 1) + (bi % COLUMNS),
        mapY: Math.floor(bi / COLUMNS),
      });
      const building: SeedBuilding = { ...b, gridId: grid.id, compoundId: compound.id, flats: [] };
      const { floors, units } = FLOOR_PLANS[planName];
      units.forEach((perFloor, ui) => {
        for (let floorNo = 1; floorNo <= floors; floorNo++) {
          for (let position = 1; position <= perFloor; position++) {
            const flat = { id: rng.uuid(), unitNo: ui + 1, floorNo, flatNo: `${floorNo}${pad(position, 2)}`, building };
            building.flats.push(flat);
            flatRows.push({
              id: flat.id,
              buildingId: building.id,
              communityId: community.id,
              streetId: street.id,
              districtId: street.districtId!,
              gridId: grid.id,
              unitNo: flat.unitNo,
              floorNo,
              flatNo: flat.flatNo,
              position,
            });
          }
        }
      });
      buildings.push(building);
    });
    return compound;
  });
  return { plan, node: community, compounds, grids, buildings };
}

/** The area tree of the demo: district → street → communities → compounds, grids, buildings, flats. */
export function buildAreas(rng: Rng, plans: readonly CommunityPlan[]): SeedAreas {
  const sink = areaSink(rng);
  const district = sink.node('district', '321003', '邗江区', null);
  const street = sink.node('street', '321003001', '竹西街道', district);
  const communities = plans.map((plan) => buildCommunity(rng, sink, plan, street));
  return { district, street, communities, areaRows: sink.areaRows, flatRows: sink.flatRows };
}
