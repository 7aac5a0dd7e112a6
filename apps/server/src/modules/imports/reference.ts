import type { CareTag, CareTagDto } from '@linli/contracts';

export type CommunityRow = { id: string; name: string; streetId: string; districtId: string };
export type BuildingRef = { id: string; name: string; compoundId: string | null; gridId: string | null };
export type FlatRef = { id: string; buildingId: string; unitNo: number; flatNo: string };
export type HouseholdRef = { id: string; flatId: string; tenure: string; tags: string[]; headName: string | null };
/** What the import compares the register with: the community's compounds, buildings, flats and active households. */
export type Reference = {
  community: CommunityRow;
  compounds: { id: string; name: string }[];
  buildings: BuildingRef[];
  flats: FlatRef[];
  households: HouseholdRef[];
};

export type ExistingResident = {
  id: string;
  householdId: string;
  communityId: string;
  status: 'active' | 'moved_out' | 'deceased';
  idNumberHash: string | null;
  name: string;
  sex: number;
  birthDate: string | null;
  relation: string;
  political: string;
  ethnicity: string;
  residentType: 'registered' | 'floating' | 'away' | 'overseas';
  tags: string[];
  note: string | null;
  idNumber: string | null;
  phone: string | null;
};

export type TagRef = { code: string; appliesTo: 'person' | 'household' | 'both' };

/** The active tags by label (Chinese, English, code, common short forms), with what they apply to. */
export function tagLookup(tags: readonly CareTagDto[]): (label: string) => TagRef | null {
  const map = new Map<string, TagRef>();
  for (const t of tags.filter((x) => x.active)) {
    const aliases = TAG_ALIASES[t.code as CareTag] ?? [];
    for (const w of [t.code, t.labelZh, t.labelEn, ...aliases]) map.set(squash(w), { code: t.code, appliesTo: t.appliesTo });
  }
  return (label) => map.get(squash(label)) ?? null;
}

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();

const TAG_ALIASES: Partial<Record<CareTag, string[]>> = {
  elderly_alone: ['独居', '孤寡老人', '独居老年人'],
  empty_nest: ['空巢', '空巢老年人'],
  disabled: ['残疾', '残障', '残疾人员'],
  low_income: ['低保户', '低保对象', '最低生活保障'],
  extremely_poor: ['特困人员', '特困户', '特困供养'],
  entitled: ['优抚', '优抚人员'],
  single_parent: ['单亲', '单亲户'],
  left_behind_child: ['留守', '留守儿童少年'],
  serious_illness: ['重病', '大病患者', '重大疾病'],
  key_care: ['重点', '重点人员', '重点关爱'],
};
