import type { ImportField, ResidentType, Tenure } from '@linli/contracts';
import { RESIDENT_TYPE_LABELS, TENURE_LABELS, lookupCode, parseIdNumber } from '@linli/contracts';
import { normalisePhone } from '../registry/identity.js';
import { type Text, cellText, cleanName, idNumberText, parseDateCell, parseFlat, parseUnit, splitList } from './cells.js';
import type { ProblemKey } from './messages.js';
import type { Cell } from './xlsx-read.js';

export type FieldCells = Partial<Record<ImportField, Cell>>;
export type Params = Record<string, string | number>;
/** A problem with one cell (`field`) of a row; warnings are values that were normalised. */
export type RowIssue = { field: ImportField | null; key: ProblemKey; params?: Params; warning?: boolean };

/** What a row says about a person; a field left out (undefined) is not in the file or the cell is empty, and stays as stored. */
export type PersonValues = {
  name: string;
  idNumber?: string;
  sex?: string;
  birthDate?: string;
  relation?: string;
  ethnicity?: string;
  political?: string;
  phone?: string;
  residentType?: ResidentType;
  tags?: string[];
  note?: string;
};
export type ParsedRow = {
  row: number;
  compound: string | null;
  building: string;
  unit: number | null;
  flat: string;
  headName: string | null;
  tenure?: Tenure;
  /** tags that label a household (低保, 特困 …), given on a member's row */
  householdTags: string[];
  person: PersonValues;
};
export type RowLookups = { tag: (label: string) => { code: string; appliesTo: 'person' | 'household' | 'both' } | null };

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s_-]+/g, '')
    .toLowerCase();
/** A reader of values by their code, their labels in both languages, or the other words registers use. */
const table = <T extends string>(labels: Record<T, Record<string, string>>, entries: Record<T, string[]>) => {
  const m = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, string[]][])
    for (const w of [value, ...Object.values(labels[value]), ...words]) m.set(squash(w), value);
  return (text: string) => m.get(squash(text)) ?? null;
};

/** Resident types by the Chinese labels registers use, or English. */
export const residentTypeOf = table<ResidentType>(RESIDENT_TYPE_LABELS, {
  registered: ['户籍', '户籍人口', '户籍居民', '常住', '常住人口', '本地'],
  floating: ['流动', '流动人口', '外来', '外来人口', '暂住', '暂住人口'],
  away: ['人户分离', '户在人不在', '户籍外出', '外出', 'registered but away', 'registered-but-away'],
  overseas: ['境外', '境外人员', '外籍', '外籍人员', '港澳台', 'foreign'],
});
export const tenureOf = table<Tenure>(TENURE_LABELS, {
  owner: ['自住', '自有', '产权', '业主', 'owner occupied', 'owner-occupied'],
  rented: ['租住', '租户', '出租', '租赁', '租房', 'tenant', 'rent'],
  other: ['其他', '借住'],
});

const MAX = { name: 40, note: 500, tags: 20 } as const;

/** lookupCode scans its table for each call; a register repeats a few dozen values, so each is looked up once. */
const codeCache = new Map<string, string | null>();
function cachedCode(field: 'sex' | 'relation' | 'ethnicity' | 'political', raw: string): string | null {
  const key = `${field}\u0000${raw}`;
  let code = codeCache.get(key);
  if (code === undefined) {
    if (codeCache.size > 10_000) codeCache.clear();
    codeCache.set(key, (code = lookupCode(field, raw)));
  }
  return code;
}

/** Turns one row's cells into a person and an address, with every problem found; pure, shared by the API and the CLI. */
export function parseRow(
  row: number,
  cells: FieldCells,
  lookups: RowLookups,
  today = new Date(),
): { parsed: ParsedRow; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const problem = (field: ImportField | null, key: ProblemKey, params?: Params) => issues.push({ field, key, params });
  const text = (field: ImportField): string => {
    const t: Text = cellText(cells[field] ?? null);
    if (t.widened) issues.push({ field, key: 'widened', warning: true });
    return t.text;
  };
  const coded = (field: 'sex' | 'relation' | 'ethnicity' | 'political'): string | undefined => {
    const raw = text(field);
    if (!raw) return undefined;
    const code = cachedCode(field, raw);
    if (!code) problem(field, 'unknownValue', { value: raw });
    return code ?? undefined;
  };

  const name = cleanName(text('name'));
  if (!name) problem('name', 'required');
  else if (name.length > MAX.name) problem('name', 'tooLong', { max: MAX.name });
  const person: PersonValues = { name };

  const id = readId(cells.idNumber ?? null, issues);
  if (id) person.idNumber = id.id;
  person.sex = coded('sex');
  person.relation = coded('relation');
  person.ethnicity = coded('ethnicity');
  person.political = coded('political');

  const birth = parseDateCell(cells.birthDate ?? null, today);
  if (birth && 'problem' in birth) problem('birthDate', birth.problem);
  else if (birth) person.birthDate = birth.date;
  if (id && person.birthDate && person.birthDate !== id.birthDate) problem('birthDate', 'birthMismatch', { expected: id.birthDate });
  if (id && person.sex && (person.sex === '1' || person.sex === '2') && person.sex !== String(id.sex))
    problem('sex', 'sexMismatch', { expected: String(id.sex) });
  if (id) {
    person.birthDate = id.birthDate;
    person.sex ??= String(id.sex);
  }

  const phone = text('phone');
  if (phone) {
    const p = normalisePhone(phone);
    if (p) person.phone = p;
    else problem('phone', 'phoneFormat');
  }
  const type = text('residentType');
  if (type) {
    const v = residentTypeOf(type);
    if (v) person.residentType = v;
    else problem('residentType', 'unknownValue', { value: type });
  }
  const tags = text('tags');
  const householdTags: string[] = [];
  if (tags) {
    const found = splitList(tags).map((label) => ({ label, tag: lookups.tag(label) }));
    for (const f of found) if (!f.tag) problem('tags', 'unknownTag', { value: f.label });
    const known = found.flatMap((f) => f.tag ?? []);
    person.tags = [...new Set(known.filter((t) => t.appliesTo !== 'household').map((t) => t.code))].slice(0, MAX.tags);
    householdTags.push(...new Set(known.filter((t) => t.appliesTo === 'household').map((t) => t.code)));
  }
  const address = text('registeredAddress');
  const note = [text('note'), address && `户籍地址：${address}`].filter(Boolean).join('；');
  if (note.length > MAX.note) problem('note', 'tooLong', { max: MAX.note });
  else if (note) person.note = note;

  const place = readPlace(cells, text, problem);
  const tenureText = text('tenure');
  const tenure = tenureText ? tenureOf(tenureText) : null;
  if (tenureText && !tenure) problem('tenure', 'unknownValue', { value: tenureText });
  const headName = cleanName(text('headName')) || null;
  const parsed: ParsedRow = { row, ...place, headName, householdTags, person, ...(tenure ? { tenure } : {}) };
  return { parsed, issues };
}

function readId(cell: Cell, issues: RowIssue[]): { id: string; birthDate: string; sex: 1 | 2 } | null {
  const raw = idNumberText(cell);
  if ('problem' in raw) {
    issues.push({ field: 'idNumber', key: raw.problem });
    return null;
  }
  if (!raw.text) return null;
  if (raw.widened) issues.push({ field: 'idNumber', key: 'widened', warning: true });
  const info = parseIdNumber(raw.text);
  if ('problem' in info) {
    const key = ({ format: 'idFormat', checksum: 'idChecksum', birthDate: 'idBirthDate' } as const)[info.problem];
    issues.push({ field: 'idNumber', key });
    return null;
  }
  if (raw.text.length === 15) issues.push({ field: 'idNumber', key: 'legacyId', warning: true });
  return info;
}

function readPlace(
  cells: FieldCells,
  text: (f: ImportField) => string,
  problem: (f: ImportField, k: ProblemKey) => void,
): { compound: string | null; building: string; unit: number | null; flat: string } {
  const building = text('building');
  if (!building) problem('building', 'required');
  const flatText = text('flat');
  const flat = flatText ? parseFlat(flatText) : null;
  if (!flatText) problem('flat', 'required');
  else if (!flat) problem('flat', 'flatFormat');
  const unitText = cells.unit !== undefined ? text('unit') : '';
  const unit = unitText ? parseUnit(unitText) : null;
  if (unitText && unit === null) problem('unit', 'unitFormat');
  return { compound: text('compound') || null, building, unit: unit ?? flat?.unit ?? null, flat: flat?.flat ?? '' };
}
