import {
  CARE_TAG_LABELS,
  type CareTag,
  HOUSEHOLD_STATUS_LABELS,
  type HouseholdListItem,
  IMPORT_FIELD_LABELS,
  type Locale,
  RESIDENT_STATUS_LABELS,
  RESIDENT_TYPE_LABELS,
  type ResidentStatus,
  type ResidentType,
  maskIdNumber,
  maskPhone,
  TENURE_LABELS,
  type Text,
  codeLabel,
} from '@linli/contracts';
import type { Pii } from '../../core/pii.js';
import { ageOn } from '../registry/presenter.js';
import { maskOf } from './mask-backfill.js';
import { EXPORT_MESSAGES as M } from './messages.js';
import type { ResidentExportRow } from './repo-export.js';
import type { ExportCell } from './xlsx-stream.js';

const tagLabel = (code: string, locale: Locale) => CARE_TAG_LABELS[code as CareTag]?.[locale] ?? code;
const tags = (codes: string[], locale: Locale) =>
  codes.length === 0 ? '' : codes.map((c) => tagLabel(c, locale)).join(M.listSeparator()[locale]);
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

const place = (a: HouseholdListItem['address']): ExportCell[] => [a.compoundName ?? a.communityName, a.buildingName, a.unitNo, a.flatNo];

/** How an export shows ID numbers and phones: the stored mask, else (a row not yet backfilled) decrypted and masked. */
export type MaskDeps = { pii: Pii; today: string };

/** One resident as an export row, from the columns of RESIDENT_EXPORT_SQL; ID number and phone masked. */
export function residentColumns(r: ResidentExportRow, { pii, today }: MaskDeps, locale: Locale): ExportCell[] {
  const [placeName, building, unitNo, flatNo, name, relation, sex, idMasked, idEnc, idTail, birthDate, diedOn] = r;
  const [ethnicity, political, phoneMasked, phoneEnc, phoneTail, residentType, tagCodes, status, note] = r.slice(12) as Tail;
  return [
    placeName,
    building,
    unitNo,
    flatNo,
    name,
    codeLabel('relation', relation, locale),
    codeLabel('sex', String(sex), locale),
    idMasked ?? maskOf(pii, idEnc, idTail, maskIdNumber, 18),
    birthDate,
    ageOn(birthDate, diedOn ?? today),
    codeLabel('ethnicity', ethnicity, locale),
    codeLabel('political', political, locale),
    phoneMasked ?? maskOf(pii, phoneEnc, phoneTail, maskPhone, 11),
    RESIDENT_TYPE_LABELS[residentType as ResidentType]?.[locale] ?? residentType,
    tags(tagCodes, locale),
    RESIDENT_STATUS_LABELS[status as ResidentStatus]?.[locale] ?? status,
    note,
  ];
}
type Tail = [string, string, string | null, Buffer | null, string | null, string, string[], string, string | null];

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
