import { type HouseholdKind, composeHousehold } from '../apps/server/src/seed/households.js';
import { type CommunityPlan, FLOOR_PLANS, type FloorPlanName, LVYANG, RENTER_KINDS } from '../apps/server/src/seed/plan.js';
import { createRng, type Rng } from '../apps/server/src/seed/rng.js';

export type DistrictSize = { grids: number; households: number; residents: number };
export type StreetPlan = { code: string; name: string; communities: CommunityPlan[] };

type Weights<T> = readonly (readonly [T, number])[];
const GRIDS_PER_COMMUNITY = 15;
const COMMUNITIES_PER_STREET = 8;
const OCCUPANCY = 0.9;
const RENTED_SHARE = 0.1;
/** households of 4–5 people, blended into the owners' mix when the target average size asks for it */
const LARGE_KINDS: Weights<HouseholdKind> = [
  ['nuclear4', 3],
  ['three_gen4', 3],
  ['three_gen5', 4],
];
const BUILDING_MIX: Weights<FloorPlanName> = [
  ['tower18', 1],
  ['tower11', 2],
  ['walkup6x3wide', 2],
  ['walkup6x3', 4],
  ['walkup6x2', 4],
  ['walkup5x4', 2],
];
const STEMS =
  '文昌 汶河 东关 仁丰 琼花 梅岭 念泗 槐泗 瘦西 蜀冈 平山 扬子 新盛 兴城 邗上 曲江 双桥 汊河 运河 石塔 荷花 竹西 甘泉 方巷'.split(' ');
const SECOND = '新 华 康 福 安 和 苑 馨 景 阳'.split('');
const COMPOUND_SUFFIXES = '新村 花园 家园 东苑 西苑 南苑 北苑 小区'.split(' ');

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Splits `total` into `parts` integers differing by at most one. */
const spread = (total: number, parts: number) =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

/** Mean household size of a kind mix, measured on the seed's own household generator. */
function meanSize(kinds: Weights<HouseholdKind>): number {
  const rng = createRng(1);
  let people = 0;
  const n = 4000;
  for (let i = 0; i < n; i++) people += composeHousehold(rng, rng.weighted(kinds)).members.length;
  return people / n;
}

/** The owners' kind mix whose blend with the renters lands on `residents / households` people a household. */
function ownerKindsFor(size: DistrictSize): Weights<HouseholdKind> {
  const target = size.residents / size.households;
  const ownerTarget = (target - RENTED_SHARE * meanSize(RENTER_KINDS)) / (1 - RENTED_SHARE);
  const base = meanSize(LVYANG.ownerKinds);
  const large = meanSize(LARGE_KINDS);
  const share = Math.min(1, Math.max(0, (ownerTarget - base) / (large - base)));
  const total = (w: Weights<HouseholdKind>) => w.reduce((s, [, n]) => s + n, 0);
  return [
    ...LVYANG.ownerKinds.map(([k, n]) => [k, ((1 - share) * n) / total(LVYANG.ownerKinds)] as const),
    ...LARGE_KINDS.map(([k, n]) => [k, (share * n) / total(LARGE_KINDS)] as const),
  ];
}

const flatsOf = (p: FloorPlanName) => FLOOR_PLANS[p].floors * FLOOR_PLANS[p].units.reduce((s, n) => s + n, 0);

/** Buildings enough for `households` at the target occupancy, in 2–4 compounds, towers first in each. */
function compoundsFor(rng: Rng, stem: string, households: number): CommunityPlan['compounds'] {
  const plans: FloorPlanName[] = [];
  for (let flats = 0; flats < households / OCCUPANCY; flats += flatsOf(plans[plans.length - 1]!)) plans.push(rng.weighted(BUILDING_MIX));
  const order = BUILDING_MIX.map(([p]) => p);
  const count = Math.min(plans.length, rng.int(2, 4));
  return spread(plans.length, count).map((n, i) => {
    const mine = plans.splice(0, n);
    const mix = order.map((p) => [p, mine.filter((m) => m === p).length] as const).filter(([, k]) => k > 0);
    return { name: `${stem}${COMPOUND_SUFFIXES[i % COMPOUND_SUFFIXES.length]}`, mix };
  });
}

/**
 * The district's streets and communities: about 15 grids a community and 8 communities a street, with
 * residents and households spread evenly, so the whole adds up to `size` (households within a percent or so).
 */
export function planDistrict(seed: number, size: DistrictSize): { code: string; name: string; streets: StreetPlan[] } {
  const rng = createRng(seed ^ 0x5eed);
  const communityCount = Math.max(1, Math.round(size.grids / GRIDS_PER_COMMUNITY));
  const grids = spread(size.grids, communityCount);
  const residents = spread(size.residents, communityCount);
  const households = spread(size.households, communityCount);
  const ownerKinds = ownerKindsFor(size);
  const streetSizes = spread(communityCount, Math.ceil(communityCount / COMMUNITIES_PER_STREET));
  let c = 0;
  const streets = streetSizes.map((n, si) => {
    const code = `321003${pad(si + 1, 3)}`;
    const communities = Array.from({ length: n }, (_, ci): CommunityPlan => {
      const stem = `${STEMS[c % STEMS.length]}${SECOND[Math.floor(c / STEMS.length) % SECOND.length]}`;
      const plan: CommunityPlan = {
        ...LVYANG,
        key: 'generated',
        code: `${code}${pad(ci + 1, 3)}`,
        name: `${stem}社区`,
        compounds: compoundsFor(rng, stem, households[c]!),
        grids: grids[c]!,
        residents: residents[c]!,
        rentedShare: RENTED_SHARE,
        ownerKinds,
      };
      c++;
      return plan;
    });
    return { code, name: `${STEMS[si % STEMS.length]}街道`, communities };
  });
  return { code: '321003', name: '邗江区', streets };
}
