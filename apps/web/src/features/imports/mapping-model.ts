import { ImportField, REQUIRED_IMPORT_FIELDS, type ImportColumn, type ImportMapping } from '@linli/contracts';

/** One line of the mapping table: a sheet column, what the server recognised, what the user chose. */
export type MappingRow = { index: number; header: string; auto: ImportField | null; field: ImportField | null };

export type MappingState = {
  rows: MappingRow[];
  /** fields no column is mapped to yet, of those an import needs */
  missing: ImportField[];
  /** fields mapped to more than one column */
  duplicates: ImportField[];
  isReady: boolean;
};

/** Starts from the server's automatic mapping, columns in sheet order. */
export function initialRows(columns: readonly ImportColumn[]): MappingRow[] {
  return [...columns].sort((a, b) => a.index - b.index).map((c) => ({ index: c.index, header: c.header, auto: c.field, field: c.field }));
}

/** Maps one column; null ignores it. */
export function setField(rows: readonly MappingRow[], index: number, field: ImportField | null): MappingRow[] {
  return rows.map((r) => (r.index === index ? { ...r, field } : r));
}

export function analyse(rows: readonly MappingRow[]): MappingState {
  const counts = new Map<ImportField, number>();
  for (const r of rows) if (r.field) counts.set(r.field, (counts.get(r.field) ?? 0) + 1);
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !counts.has(f));
  const duplicates = ImportField.options.filter((f) => (counts.get(f) ?? 0) > 1);
  return { rows: [...rows], missing, duplicates, isReady: missing.length === 0 && duplicates.length === 0 };
}

/** The whole mapping, every column explicit, as the dry run and the commit take it. */
export function toMapping(rows: readonly MappingRow[]): ImportMapping {
  return Object.fromEntries(rows.map((r) => [String(r.index), r.field]));
}

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
