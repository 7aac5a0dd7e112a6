import { HEAD_RELATIONS, type ImportColumn, type ImportField } from '@linli/contracts';
import { autoMap, recognisedCount } from './header-map.js';
import { buildingKey, cellText } from './cells.js';
import type { FieldCells, ParsedRow, RowIssue } from './row-rules.js';
import type { Cell, SheetRow } from './xlsx-read.js';

/** The header row among the first rows: the first naming two or more known fields, else the first row. */
export function detectHeader(top: SheetRow[]): { headerRow: number; columns: ImportColumn[] } {
  const texts = (r: SheetRow) => r.cells.map((c) => cellText(c).text);
  const chosen = top.slice(0, 10).find((r) => recognisedCount(texts(r)) >= 2) ?? top[0];
  if (!chosen) return { headerRow: 1, columns: [] };
  const columns = texts(chosen)
    .map((header, i) => ({ index: i + 1, header }))
    .filter((c) => c.header !== '');
  return { headerRow: chosen.number, columns: autoMap(columns) };
}

const CARRIED: ImportField[] = ['compound', 'building', 'unit'];

/**
 * Picks each mapped field's cell. Merged cells (a household's address written once over several rows) read as
 * blanks below their first row, so a blank building, unit or flat repeats the row above; the head's name and
 * tenure repeat while the flat stays the same.
 */
export function createCellPicker(columns: ImportColumn[]): (cells: Cell[]) => FieldCells {
  const mapped = columns.filter((c): c is ImportColumn & { field: ImportField } => c.field !== null);
  let carry: FieldCells = {};
  const blank = (c: Cell | undefined) => c === undefined || c === null || (typeof c === 'string' && c.trim() === '');
  return (cells) => {
    const out: FieldCells = {};
    for (const c of mapped) out[c.field] = cells[c.index - 1] ?? null;
    for (const f of CARRIED) if (f in out && blank(out[f])) out[f] = carry[f] ?? null;
    const same = (f: ImportField) => cellText(out[f] ?? null).text === cellText(carry[f] ?? null).text;
    const sameFlat = blank(out.flat) || (!blank(carry.flat) && same('flat') && same('building') && same('unit'));
    if ('flat' in out && blank(out.flat)) out.flat = carry.flat ?? null;
    if (sameFlat) for (const f of ['headName', 'tenure'] as const) if (f in out && blank(out[f])) out[f] = carry[f] ?? null;
    carry = out;
    return out;
  };
}

/** The rows of one household: same compound, building, unit and flat, and the same head's name when the file names heads. */
export type HouseholdGroup = Pick<ParsedRow, 'compound' | 'building' | 'unit' | 'flat' | 'headName' | 'tenure' | 'householdTags'> & {
  key: string;
  rows: ParsedRow[];
};

const norm = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s/g, '').toLowerCase();
export const isHeadRow = (r: ParsedRow) => r.person.relation !== undefined && HEAD_RELATIONS.includes(r.person.relation);

/** Groups rows into households; the head is the row whose relation says so, else the row named as head. */
export function groupHouseholds(rows: ParsedRow[]): HouseholdGroup[] {
  const groups = new Map<string, HouseholdGroup>();
  for (const r of rows) {
    if (!r.building || !r.flat) continue;
    const key = [norm(r.compound), buildingKey(r.building), r.unit ?? '', norm(r.flat), norm(r.headName)].join('|');
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        compound: r.compound,
        building: r.building,
        unit: r.unit,
        flat: r.flat,
        headName: r.headName,
        householdTags: [],
        rows: [],
      };
      groups.set(key, g);
    }
    g.rows.push(r);
    g.tenure ??= r.tenure;
    for (const t of r.householdTags) if (!g.householdTags.includes(t)) g.householdTags.push(t);
  }
  for (const g of groups.values()) {
    const named = g.headName ? g.rows.find((r) => r.person.name === g.headName && r.person.relation === undefined) : undefined;
    if (named && !g.rows.some(isHeadRow)) named.person.relation = '02';
    g.headName ??= g.rows.find(isHeadRow)?.person.name ?? null;
  }
  return [...groups.values()];
}

/** Problems across rows: an ID number twice in the file, a second head in one household. */
export function crossRowIssues(groups: HouseholdGroup[], rows: ParsedRow[]): Map<number, RowIssue[]> {
  const out = new Map<number, RowIssue[]>();
  const add = (row: number, issue: RowIssue) => out.set(row, [...(out.get(row) ?? []), issue]);
  const firstById = new Map<string, number>();
  for (const r of rows) {
    const id = r.person.idNumber;
    if (!id) continue;
    const first = firstById.get(id);
    if (first === undefined) firstById.set(id, r.row);
    else add(r.row, { field: 'idNumber', key: 'idDuplicateInFile', params: { row: first } });
  }
  for (const g of groups) {
    const heads = g.rows.filter(isHeadRow);
    for (const h of heads.slice(1)) add(h.row, { field: 'relation', key: 'twoHeads', params: { row: heads[0]!.row } });
  }
  return out;
}
