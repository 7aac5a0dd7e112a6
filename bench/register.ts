import { CARE_TAG_LABELS, RESIDENT_TYPE_LABELS, type CareTag, IMPORT_FIELD_LABELS, ImportField, codeLabel } from '@linli/contracts';
import ExcelJS from 'exceljs';
import type { SeedCommunity } from '../apps/server/src/seed/areas.js';
import type { SeedHousehold } from '../apps/server/src/seed/people.js';

/** The template's columns: every import field, in the contract's order. */
const FIELDS: readonly ImportField[] = ImportField.options;
const LOCAL_ADDRESS = '江苏省扬州市邗江区';

export const REGISTER_HEADERS = FIELDS.map((f) => IMPORT_FIELD_LABELS[f]['zh-CN']);

/** One register row per resident of `community`, as a community office would keep it: Chinese labels, not codes. */
export function registerRows(community: SeedCommunity, households: readonly SeedHousehold[]): string[][] {
  const compoundName = new Map(community.compounds.map((c) => [c.id, c.name]));
  const rows: string[][] = [];
  for (const h of households.filter((x) => x.community === community)) {
    const b = h.flat.building;
    for (const p of h.members) {
      const local = p.residentType === 'registered' || p.residentType === 'away';
      const values: Record<ImportField, string> = {
        seq: String(rows.length + 1),
        compound: compoundName.get(b.compoundId) ?? '',
        building: b.name,
        unit: String(h.flat.unitNo),
        flat: h.flat.flatNo,
        headName: h.members[0]!.name,
        name: p.name,
        relation: codeLabel('relation', p.relation, 'zh-CN'),
        sex: codeLabel('sex', String(p.sex), 'zh-CN'),
        idNumber: p.idNumber,
        birthDate: p.birthDate,
        ethnicity: codeLabel('ethnicity', p.ethnicity, 'zh-CN'),
        political: codeLabel('political', p.political, 'zh-CN'),
        phone: p.phone ?? '',
        registeredAddress: local ? LOCAL_ADDRESS : '',
        residentType: RESIDENT_TYPE_LABELS[p.residentType]['zh-CN'],
        tags: p.tags.map((t: CareTag) => CARE_TAG_LABELS[t]['zh-CN']).join('、'),
        tenure: h.tenure === 'rented' ? '租住' : '自住',
        note: '',
      };
      rows.push(FIELDS.map((f) => values[f]));
    }
  }
  return rows;
}

/** Writes the rows under the template's headers with the streaming writer; ID numbers and phones as text. */
export async function writeRegister(file: string, rows: readonly string[][]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('户籍登记');
  ws.addRow(REGISTER_HEADERS).commit();
  const numeric = new Set(['seq', 'unit'].map((f) => FIELDS.indexOf(f as ImportField)));
  for (const r of rows) ws.addRow(r.map((v, i) => (numeric.has(i) ? Number(v) : v))).commit();
  ws.commit();
  await wb.commit();
}

/** RFC 4180 CSV of the same header and rows, for the plain COPY beside the import. */
export function toCsv(rows: readonly string[][]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [REGISTER_HEADERS, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** Rows of every sheet of an .xlsx file, header rows included, read as a stream. */
export async function countXlsxRows(file: string): Promise<number> {
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  for await (const sheet of reader) for await (const _row of sheet) rows++;
  return rows;
}
