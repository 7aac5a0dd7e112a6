import type { CareTag } from '@linli/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Pii } from '../../core/pii.js';
import type { Db, Tx } from '../../db/pool.js';
import { openSecret } from '../registry/verb-kit.js';
import { areaNodes, flats, households, residents } from '../../db/schema/index.js';
import { careTagsOf } from '../care-tags/repo.js';

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

/** Loads the community's places and households (a few queries, whatever the register's size). */
export async function loadReference(db: Db | Tx, community: CommunityRow): Promise<Reference> {
  const nodes = await db
    .select({ id: areaNodes.id, kind: areaNodes.kind, name: areaNodes.name, compoundId: areaNodes.compoundId, gridId: areaNodes.gridId })
    .from(areaNodes)
    .where(and(eq(areaNodes.communityId, community.id), inArray(areaNodes.kind, ['compound', 'building'])));
  const flatRows = await db
    .select({ id: flats.id, buildingId: flats.buildingId, unitNo: flats.unitNo, flatNo: flats.flatNo })
    .from(flats)
    .where(eq(flats.communityId, community.id));
  const head = sql<string | null>`(SELECT r.name FROM ${residents} r WHERE r.household_id = ${households.id}
    AND r.status = 'active' AND r.relation IN ('01', '02') ORDER BY r.created_at LIMIT 1)`;
  const householdRows = await db
    .select({ id: households.id, flatId: households.flatId, tenure: households.tenure, tags: households.tags, headName: head })
    .from(households)
    .where(and(eq(households.communityId, community.id), eq(households.status, 'active')));
  return {
    community,
    compounds: nodes.filter((n) => n.kind === 'compound').map(({ id, name }) => ({ id, name })),
    buildings: nodes.filter((n) => n.kind === 'building').map(({ id, name, compoundId, gridId }) => ({ id, name, compoundId, gridId })),
    flats: flatRows,
    households: householdRows.flatMap((h) => (h.flatId ? [{ ...h, flatId: h.flatId }] : [])),
  };
}

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

const residentColumns = {
  id: residents.id,
  householdId: residents.householdId,
  communityId: residents.communityId,
  status: residents.status,
  idNumberHash: residents.idNumberHash,
  name: residents.name,
  sex: residents.sex,
  birthDate: residents.birthDate,
  relation: residents.relation,
  political: residents.political,
  ethnicity: residents.ethnicity,
  residentType: residents.residentType,
  tags: residents.tags,
  note: residents.note,
  idNumberEnc: residents.idNumberEnc,
  phoneEnc: residents.phoneEnc,
};

const CHUNK = 5000;
async function chunked<T, R>(items: T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await run(items.slice(i, i + CHUNK))));
  return out;
}

/** Residents anywhere with one of these ID hashes (active or deceased), and every active member of these households. */
export async function loadResidents(db: Db | Tx, pii: Pii, hashes: string[], householdIds: string[]): Promise<ExistingResident[]> {
  const byHash = await chunked(hashes, (part) =>
    db
      .select(residentColumns)
      .from(residents)
      .where(and(inArray(residents.idNumberHash, part), inArray(residents.status, ['active', 'deceased']))),
  );
  const members = await chunked(householdIds, (part) =>
    db
      .select(residentColumns)
      .from(residents)
      .where(and(inArray(residents.householdId, part), eq(residents.status, 'active'))),
  );
  const seen = new Map<string, ExistingResident>();
  for (const { idNumberEnc, phoneEnc, ...r } of [...byHash, ...members])
    seen.set(r.id, { ...r, idNumber: openSecret(pii, idNumberEnc), phone: openSecret(pii, phoneEnc) });
  return [...seen.values()];
}

export type TagRef = { code: string; appliesTo: 'person' | 'household' | 'both' };

/** The community's active tags by label (Chinese, English, code, common short forms), with what they apply to. */
export async function loadTagLookup(db: Db | Tx, communityId: string): Promise<(label: string) => TagRef | null> {
  const squash = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[\s_-]+/g, '')
      .toLowerCase();
  const map = new Map<string, TagRef>();
  for (const t of (await careTagsOf(db, communityId)).filter((x) => x.active)) {
    const aliases = TAG_ALIASES[t.code as CareTag] ?? [];
    for (const w of [t.code, t.labelZh, t.labelEn, ...aliases]) map.set(squash(w), { code: t.code, appliesTo: t.appliesTo });
  }
  return (label) => map.get(squash(label)) ?? null;
}

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
