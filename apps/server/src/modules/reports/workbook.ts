import { type Locale, REPORT_KEY_LABELS, type ReportKey, type ReportValues, type WorkReportDto, text } from '@linli/contracts';
import type ExcelJS from 'exceljs';
import { lazyRequire } from '../../core/lazy-require.js';
import { type ExportCell, escapeCell } from '../exports/xlsx-stream.js';
import { REPORT_MESSAGES } from './messages.js';

const excel = lazyRequire<typeof ExcelJS>('exceljs');

const RATE_LABELS = {
  responseRate: text('响应率', 'Response rate'),
  resolutionRate: text('解决率', 'Resolution rate'),
  satisfactionRate: text('满意率', 'Satisfaction rate'),
};

function sheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: ExportCell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((header, i) => ({ header, width: i === 0 ? 28 : 14 }));
  ws.getRow(1).font = { bold: true };
  for (const cells of rows) ws.addRow(cells.map(escapeCell));
  return ws;
}

/** The summary sheet: one line per figure, its parts below it, and the three order rates as percentages. */
function summaryRows(dto: WorkReportDto, locale: Locale): { rows: ExportCell[][]; rateRows: number[] } {
  const rows: ExportCell[][] = [];
  const rateRows: number[] = [];
  for (const key of dto.keys) {
    const f = dto.figures[key]!;
    rows.push([REPORT_KEY_LABELS[key][locale], f.value, '']);
    for (const s of f.by ?? []) rows.push([REPORT_KEY_LABELS[key][locale], s.value, s.name]);
    const rates = f.rates;
    if (!rates) continue;
    for (const rate of ['responseRate', 'resolutionRate', 'satisfactionRate'] as const) {
      rows.push([REPORT_KEY_LABELS[key][locale], rates[rate], RATE_LABELS[rate][locale]]);
      rateRows.push(rows.length + 1);
    }
  }
  return { rows, rateRows };
}

const keysOf = (values: ReportValues[]) => [...new Set(values.flatMap((v) => Object.keys(v) as ReportKey[]))];

/** The work report as a workbook: summary, comparison across child areas, months; numbers stay numbers. */
export async function workReportWorkbook(dto: WorkReportDto, locale: Locale): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  const m = (get: () => { 'zh-CN': string; en: string }) => get()[locale];
  const title = REPORT_MESSAGES.title(dto.area.name, dto.from, dto.to)[locale];
  const { rows, rateRows } = summaryRows(dto, locale);
  const summary = sheet(wb, m(REPORT_MESSAGES.summary), [title, m(REPORT_MESSAGES.value), m(REPORT_MESSAGES.part)], rows);
  for (const r of rateRows) summary.getRow(r).getCell(2).numFmt = '0.0%';
  const childKeys = keysOf(dto.children.map((c) => c.values));
  sheet(
    wb,
    m(REPORT_MESSAGES.compare),
    [m(REPORT_MESSAGES.area), ...childKeys.map((k) => REPORT_KEY_LABELS[k][locale])],
    dto.children.map((c) => [c.area.name, ...childKeys.map((k) => c.values[k] ?? null)]),
  );
  const monthKeys = keysOf(dto.months.map((x) => x.values));
  sheet(
    wb,
    m(REPORT_MESSAGES.months),
    [m(REPORT_MESSAGES.month), ...monthKeys.map((k) => REPORT_KEY_LABELS[k][locale])],
    dto.months.map((x) => [x.month, ...monthKeys.map((k) => x.values[k] ?? 0)]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
