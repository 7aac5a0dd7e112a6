import {
  CARE_TAG_LABELS,
  type CareTag,
  HOUSEHOLD_STATUS_LABELS,
  type HouseholdListItem,
  IMPORT_FIELD_LABELS,
  type Locale,
  RESIDENT_STATUS_LABELS,
  RESIDENT_TYPE_LABELS,
  type ResidentSearchItem,
  TENURE_LABELS,
  type Text,
  codeLabel,
} from '@linli/contracts';
import { EXPORT_MESSAGES as M } from './messages.js';
import type { ExportCell } from './xlsx-stream.js';

const tagLabel = (code: string, locale: Locale) => CARE_TAG_LABELS[code as CareTag]?.[locale] ?? code;
const tags = (codes: string[], locale: Locale) => codes.map((c) => tagLabel(c, locale)).join(M.listSeparator()[locale]);
const F = IMPORT_FIELD_LABELS;

const ADDRESS_HEADERS: [Text, number][] = [
  [F.compound, 16],
  [F.building, 10],
  [F.unit, 6],
  [F.flat, 8],
];
const RESIDENT_HEADERS: [Text, number][] = [
  ...ADDRESS_HEADERS,
  [F.name, 10],
  [F.relation, 12],
  [F.sex, 6],
  [F.idNumber, 22],
  [F.birthDate, 12],
  [M.age(), 6],
  [F.ethnicity, 10],
  [F.political, 14],
  [F.phone, 14],
  [F.residentType, 10],
  [F.tags, 20],
  [M.status(), 8],
  [F.note, 24],
];
const HOUSEHOLD_HEADERS: [Text, number][] = [
  ...ADDRESS_HEADERS,
  [F.headName, 10],
  [M.members(), 6],
  [F.tenure, 10],
  [F.tags, 20],
  [M.grid(), 14],
  [M.status(), 8],
];

const headersOf = (list: [Text, number][], locale: Locale) => ({ headers: list.map(([h]) => h[locale]), widths: list.map(([, w]) => w) });
export const residentHeaders = (locale: Locale) => headersOf(RESIDENT_HEADERS, locale);
export const householdHeaders = (locale: Locale) => headersOf(HOUSEHOLD_HEADERS, locale);

const place = (a: ResidentSearchItem['address']): ExportCell[] => [a.compoundName ?? a.communityName, a.buildingName, a.unitNo, a.flatNo];

/** One resident as an export row; the DTO already carries the masked ID number and phone. */
export function residentColumns(r: ResidentSearchItem, locale: Locale): ExportCell[] {
  return [
    ...place(r.address),
    r.name,
    codeLabel('relation', r.relation, locale),
    codeLabel('sex', r.sex, locale),
    r.idNumber,
    r.birthDate,
    r.age,
    codeLabel('ethnicity', r.ethnicity, locale),
    codeLabel('political', r.political, locale),
    r.phone,
    RESIDENT_TYPE_LABELS[r.residentType][locale],
    tags(r.tags, locale),
    RESIDENT_STATUS_LABELS[r.status][locale],
    r.note,
  ];
}

export function householdColumns(h: HouseholdListItem, locale: Locale): ExportCell[] {
  return [
    ...place(h.address),
    h.headName,
    h.memberCount,
    TENURE_LABELS[h.tenure][locale],
    tags(h.tags, locale),
    h.address.gridName,
    HOUSEHOLD_STATUS_LABELS[h.status][locale],
  ];
}
