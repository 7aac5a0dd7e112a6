import type { HouseholdKind } from './households.js';

/** Floor plans: storeys, and flats per landing in each unit (entrance) from west to east. */
export const FLOOR_PLANS = {
  /** 6-storey resettlement block, 2 entrances, 2 flats a landing: 24 flats */
  walkup6x2: { floors: 6, units: [2, 2] },
  walkup6x3: { floors: 6, units: [2, 2, 2] },
  /** the middle entrance has 3 flats a landing: 42 flats */
  walkup6x3wide: { floors: 6, units: [2, 3, 2] },
  /** older 5-storey block with 4 entrances: 40 flats */
  walkup5x4: { floors: 5, units: [2, 2, 2, 2] },
  tower11: { floors: 11, units: [3, 3] },
  tower18: { floors: 18, units: [4] },
} as const satisfies Record<string, { floors: number; units: readonly number[] }>;
export type FloorPlanName = keyof typeof FLOOR_PLANS;

type Weights<T> = readonly (readonly [T, number])[];
export type OwnerResidentType = 'registered' | 'away' | 'floating' | 'overseas';

export type CommunityPlan = {
  /** 'generated': a community of a benchmark dataset, organised like Green Yangyuan */
  key: 'anping' | 'lvyang' | 'generated';
  code: string;
  name: string;
  /** towers first: they take the first row of the site map */
  compounds: { name: string; mix: Weights<FloorPlanName> }[];
  grids: number;
  /** exact number of residents to generate */
  residents: number;
  rentedShare: number;
  ownerKinds: Weights<HouseholdKind>;
  ownerTypes: Weights<OwnerResidentType>;
  /** multiplies the base rates of disability, illness, low income and other care needs */
  careFactor: number;
  /** party members among adults (Green Yangyuan, with how many are under 46) or an exact count (Anping) */
  partyMembers: { exact: number } | { share: number; under46?: number };
};

export const RENTER_KINDS: Weights<HouseholdKind> = [
  ['single_adult', 22],
  ['couple', 25],
  ['nuclear3', 30],
  ['nuclear4', 10],
  ['shared', 11],
  ['elder_couple', 2],
];

/** 安平社区: resettlement housing, older residents, few tenants, many households needing care. */
export const ANPING: CommunityPlan = {
  key: 'anping',
  code: '321003001001',
  name: '安平社区',
  compounds: [
    {
      name: '鸿福家园',
      mix: [
        ['walkup6x3', 10],
        ['walkup6x2', 16],
        ['walkup5x4', 22],
      ],
    },
    {
      name: '竹西新村',
      mix: [
        ['walkup6x3wide', 8],
        ['walkup6x3', 26],
        ['walkup6x2', 14],
      ],
    },
    {
      name: '佳竹苑',
      mix: [['tower11', 12]],
    },
    {
      name: '金色花园',
      mix: [
        ['walkup6x3wide', 12],
        ['walkup6x3', 16],
      ],
    },
  ],
  grids: 15,
  residents: 12_669,
  rentedShare: 0.08,
  ownerKinds: [
    ['single_elder', 12],
    ['single_adult', 4],
    ['elder_couple', 18],
    ['couple', 6],
    ['single_parent', 4],
    ['nuclear3', 20],
    ['nuclear4', 6],
    ['elder_with_child', 9],
    ['skip_generation', 4],
    ['three_gen4', 6],
    ['three_gen5', 11],
  ],
  ownerTypes: [
    ['registered', 88],
    ['away', 8],
    ['floating', 3],
    ['overseas', 1],
  ],
  careFactor: 1.6,
  partyMembers: { exact: 195 },
};

/** 绿扬新苑社区: 2 compounds, 134 buildings, 4,920 flats, a large floating population. */
export const LVYANG: CommunityPlan = {
  key: 'lvyang',
  code: '321003001002',
  name: '绿扬新苑社区',
  compounds: [
    {
      name: '绿扬新苑东区',
      mix: [
        ['tower18', 4],
        ['tower11', 6],
        ['walkup6x3wide', 6],
        ['walkup6x3', 26],
        ['walkup6x2', 28],
      ],
    },
    {
      name: '绿扬新苑西区',
      mix: [
        ['tower18', 4],
        ['tower11', 6],
        ['walkup6x3wide', 6],
        ['walkup6x3', 24],
        ['walkup6x2', 24],
      ],
    },
  ],
  grids: 16,
  residents: 12_180,
  rentedShare: 0.4,
  ownerKinds: [
    ['single_elder', 8],
    ['single_adult', 6],
    ['elder_couple', 12],
    ['couple', 10],
    ['single_parent', 3],
    ['nuclear3', 24],
    ['nuclear4', 9],
    ['elder_with_child', 8],
    ['skip_generation', 2],
    ['three_gen4', 7],
    ['three_gen5', 9],
  ],
  ownerTypes: [
    ['registered', 88],
    ['away', 6],
    ['floating', 5],
    ['overseas', 1],
  ],
  careFactor: 1,
  partyMembers: { share: 0.028, under46: 46 },
};
