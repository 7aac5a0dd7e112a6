import { randomUUID } from 'node:crypto';
import { type FieldChange, HOUSEHOLD_FIELDS, RESIDENT_FIELDS, type Snapshot, diffFields } from '../registry/history.js';
import type { ExistingResident, HouseholdRef, Reference } from './reference.js';
import type { HouseholdGroup } from './register.js';
import type { Place } from './places.js';
import type { ParsedRow, PersonValues, RowIssue } from './row-rules.js';

export type PlannedResident = {
  row: number;
  values: PersonValues;
  hash: string | null;
  existing: ExistingResident | null;
  changes: FieldChange[];
};
export type PlannedHousehold = {
  id: string;
  existing: HouseholdRef | null;
  place: Place;
  tenure?: string;
  /** the household's tags after the import: its own plus those the register adds (never removes) */
  tags: string[];
  /** tenure and tags changes of a matched household */
  changes: FieldChange[];
  members: PlannedResident[];
};
export type Counts = { created: number; updated: number; unchanged: number };

export type { FieldChange };
function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const list = out.get(key(t));
    if (list) list.push(t);
    else out.set(key(t), [t]);
  }
  return out;
}
const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/\s/g, '').toLowerCase();

/** The file's values for a person, only those it gives, in the registry's snapshot form. */
export function fileSnapshot(v: PersonValues): Snapshot {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
}

/** What a re-import would change on a matched resident (the registry's own diff: ID numbers and phones masked). */
export function residentChanges(r: ExistingResident, v: PersonValues): FieldChange[] {
  const before: Snapshot = { ...r, sex: String(r.sex) };
  return diffFields(before, fileSnapshot(v), RESIDENT_FIELDS);
}

/** The active household a group means: same flat and head's name, else the one holding its members' IDs, else none. */
function matchHousehold(
  inFlats: Map<string, HouseholdRef[]>,
  g: HouseholdGroup,
  place: Place,
  byHash: Map<string, ExistingResident>,
  hashes: (string | null)[],
) {
  if (place.isNew) return null;
  const inFlat = inFlats.get(place.flat.id) ?? [];
  const head = g.headName ? inFlat.find((h) => norm(h.headName) === norm(g.headName)) : undefined;
  if (head) return head;
  const viaMember = inFlat.find((h) => hashes.some((x) => x && byHash.get(x)?.householdId === h.id && byHash.get(x)?.status === 'active'));
  if (viaMember) return viaMember;
  return !g.headName && inFlat.length === 1 ? inFlat[0]! : null;
}

export type PlanInput = {
  ref: Reference;
  groups: { group: HouseholdGroup; place: Place }[];
  existing: ExistingResident[];
  hashOf: (row: ParsedRow) => string | null;
  issues: Map<number, RowIssue[]>;
};

/** Matches groups to households and rows to residents, adding database problems to `issues`; rows with any problem stay out. */
export function planHouseholds({ ref, groups, existing, hashOf, issues }: PlanInput): PlannedHousehold[] {
  const byHash = new Map(existing.filter((r) => r.idNumberHash).map((r) => [r.idNumberHash!, r]));
  const inFlats = groupBy(ref.households, (h) => h.flatId);
  const membersOf = groupBy(
    existing.filter((r) => r.status === 'active'),
    (r) => r.householdId,
  );
  const add = (row: number, issue: RowIssue) => issues.set(row, [...(issues.get(row) ?? []), issue]);
  const addressOf = (householdId: string) => {
    const h = ref.households.find((x) => x.id === householdId);
    const f = h && ref.flats.find((x) => x.id === h.flatId);
    const b = f && ref.buildings.find((x) => x.id === f.buildingId);
    return b && f ? `${b.name}${f.unitNo}单元${f.flatNo}` : '?';
  };
  const planned: PlannedHousehold[] = [];
  for (const { group, place } of groups) {
    const hashes = group.rows.map(hashOf);
    const household = matchHousehold(inFlats, group, place, byHash, hashes);
    const members = household ? (membersOf.get(household.id) ?? []) : [];
    const taken = new Set<string>();
    const rows: PlannedResident[] = [];
    group.rows.forEach((row, i) => {
      const hash = hashes[i]!;
      const same = hash ? byHash.get(hash) : undefined;
      if (same?.status === 'deceased') add(row.row, { field: 'idNumber', key: 'idDeceased' });
      else if (same && same.communityId !== ref.community.id) add(row.row, { field: 'idNumber', key: 'idElsewhere' });
      else if (same && same.householdId !== household?.id)
        add(row.row, { field: 'idNumber', key: 'idOtherHousehold', params: { address: addressOf(same.householdId) } });
      if (issues.get(row.row)?.some((x) => !x.warning)) return;
      const match =
        same ??
        members.find((m) => !taken.has(m.id) && m.name === row.person.name && (!hash || !m.idNumberHash || m.idNumberHash === hash));
      if (match) taken.add(match.id);
      rows.push({
        row: row.row,
        values: row.person,
        hash,
        existing: match ?? null,
        changes: match ? residentChanges(match, row.person) : [],
      });
    });
    if (rows.length === 0) continue;
    const tags = [...new Set([...(household?.tags ?? []), ...group.householdTags])];
    const after = { ...(group.tenure ? { tenure: group.tenure } : {}), tags };
    const changes = household ? diffFields({ tenure: household.tenure, tags: household.tags }, after, HOUSEHOLD_FIELDS) : [];
    planned.push({ id: household?.id ?? randomUUID(), existing: household, place, tenure: group.tenure, tags, changes, members: rows });
  }
  return planned;
}

/** Created / updated / unchanged households and residents of a plan. */
export function countPlan(plan: PlannedHousehold[]): { households: Counts; residents: Counts } {
  const households: Counts = { created: 0, updated: 0, unchanged: 0 };
  const residents: Counts = { created: 0, updated: 0, unchanged: 0 };
  for (const h of plan) {
    let touched = h.changes.length > 0;
    for (const m of h.members) {
      const kind = !m.existing ? 'created' : m.changes.length ? 'updated' : 'unchanged';
      residents[kind]++;
      touched ||= kind !== 'unchanged';
    }
    households[!h.existing ? 'created' : touched ? 'updated' : 'unchanged']++;
  }
  return { households, residents };
}
