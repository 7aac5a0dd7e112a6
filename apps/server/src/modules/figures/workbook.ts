import { type FigureSet, type FiguresDto, type Locale, type Text, text } from '@linli/contracts';
import type ExcelJS from 'exceljs';
import { lazyRequire } from '../../core/lazy-require.js';
import { type ExportCell, escapeCell } from '../exports/xlsx-stream.js';
import { FIGURES_MESSAGES, GROUP_TITLE } from './messages.js';

const excel = lazyRequire<typeof ExcelJS>('exceljs');

type Kind = 'count' | 'rate' | 'minutes';

const COLUMNS: [Text, Kind, (s: FigureSet) => number | null][] = [
  [text('点单数', 'Placed'), 'count', (s) => s.counts.placed],
  [text('派单数', 'Dispatched'), 'count', (s) => s.counts.dispatched],
  [text('响应率', 'Response rate'), 'rate', (s) => s.rates.responseRate],
  [text('结案数', 'Closed'), 'count', (s) => s.counts.closed],
  [text('解决率', 'Resolution rate'), 'rate', (s) => s.rates.resolutionRate],
  [text('评价数', 'Rated'), 'count', (s) => s.counts.rated],
  [text('满意率', 'Satisfaction rate'), 'rate', (s) => s.rates.satisfactionRate],
  [text('按时办结率', 'On-time closing rate'), 'rate', (s) => s.rates.onTimeCloseRate],
  [text('返工率', 'Rework rate'), 'rate', (s) => s.rates.reworkRate],
  [text('延期率', 'Extension rate'), 'rate', (s) => s.rates.extensionRate],
  [text('平均派单用时（分钟）', 'Avg. placed→dispatched (min)'), 'minutes', (s) => s.averages.placedToDispatched],
  [text('平均接单用时（分钟）', 'Avg. dispatched→accepted (min)'), 'minutes', (s) => s.averages.dispatchedToAccepted],
  [text('平均处置用时（分钟）', 'Avg. accepted→handled (min)'), 'minutes', (s) => s.averages.acceptedToHandled],
  [text('平均办结用时（分钟）', 'Avg. placed→closed (min)'), 'minutes', (s) => s.averages.placedToClosed],
];
const FORMAT: Record<Kind, string> = { count: '0', rate: '0.0%', minutes: '0.0' };

function addSheet(wb: ExcelJS.Workbook, name: string, headers: string[], rows: ExportCell[][], kinds: (Kind | 'text')[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((header, i) => ({
    header,
    width: i === 0 ? 22 : 14,
    style: kinds[i] === 'text' ? {} : { numFmt: FORMAT[kinds[i] as Kind] },
  }));
  ws.getRow(1).font = { bold: true };
  for (const cells of rows) ws.addRow(cells.map(escapeCell));
}

/** The figures as a workbook: one sheet per group with a total line, one per month; rates are numbers shown as %. */
export async function figuresWorkbook(dto: FiguresDto, locale: Locale): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  const values = (s: FigureSet) => COLUMNS.map(([, , get]) => get(s));
  const kinds: (Kind | 'text')[] = ['text', ...COLUMNS.map(([, k]) => k)];
  addSheet(
    wb,
    GROUP_TITLE[dto.groupBy][locale],
    [GROUP_TITLE[dto.groupBy][locale], ...COLUMNS.map(([h]) => h[locale])],
    [...dto.rows.map((r) => [r.name, ...values(r)]), [FIGURES_MESSAGES.total()[locale], ...values(dto.totals)]],
    kinds,
  );
  addSheet(
    wb,
    FIGURES_MESSAGES.months()[locale],
    [FIGURES_MESSAGES.month(), COLUMNS[0]![0], COLUMNS[2]![0], COLUMNS[4]![0], COLUMNS[6]![0]].map((h) => h[locale]),
    dto.months.map((m) => [m.month, m.placed, m.responseRate, m.resolutionRate, m.satisfactionRate]),
    ['text', 'count', 'rate', 'rate', 'rate'],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
