import fs from 'node:fs';
import zlib from 'node:zlib';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Writable as WritableStream } from 'node:stream';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { residentColumns, residentHeaders } from '../apps/server/src/modules/exports/columns.js';
import { RESIDENT_EXPORT_SQL, type ResidentExportRow } from '../apps/server/src/modules/exports/repo-export.js';
import { rowWriter } from '../apps/server/src/modules/exports/sheet-rows.js';
import { streamLeanWorkbook } from '../apps/server/src/modules/exports/xlsx-lean.js';
import { type ExportCell, streamWorkbook } from '../apps/server/src/modules/exports/xlsx-stream.js';
import type { Pii } from '../apps/server/src/core/pii.js';
import { openZipEntries } from '../apps/server/src/modules/imports/zip-entries.js';

/** Every active resident's id in the export's address order, written by hand (the district user's filter). */
export const FLOOR_IDS_SQL = `
SELECT r.id FROM residents r
JOIN households h ON h.id = r.household_id
LEFT JOIN flats f ON f.id = h.flat_id
LEFT JOIN area_nodes bd ON bd.id = h.building_id
WHERE r.status = 'active'
ORDER BY bd.code, f.unit_no, f.floor_no, f.position, h.id, r.relation, r.id`;

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return '';
  const s = Buffer.isBuffer(v) ? v.toString('base64') : Array.isArray(v) ? v.join('|') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function put(out: Writable, text: string) {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * The floor: the same two statements as the export (cursor over the ids, one named prepared statement per 5,000)
 * through `pg`, the raw columns written as CSV. Keeps the first `sample` rows as read for the stage and writer runs.
 */
export async function csvFloor(pool: pg.Pool, file: string, sample: number) {
  const client = await pool.connect();
  const out = fs.createWriteStream(file);
  const kept: ResidentExportRow[] = [];
  let rows = 0;
  const started = performance.now();
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE floor_ids NO SCROLL CURSOR FOR ${FLOOR_IDS_SQL}`);
    for (;;) {
      const ids = await client.query<[string]>({ text: 'FETCH 5000 FROM floor_ids', rowMode: 'array' });
      if (ids.rows.length === 0) break;
      const page = await client.query<ResidentExportRow>({
        name: 'floor_rows',
        text: RESIDENT_EXPORT_SQL,
        values: [ids.rows.map((r) => r[0])],
        rowMode: 'array',
      });
      let text = '';
      for (const r of page.rows) {
        text += `${r.map(csvCell).join(',')}\n`;
        if (kept.length < sample) kept.push(r);
      }
      rows += page.rows.length;
      await put(out, text);
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  out.end();
  await finished(out);
  return { rows, seconds: (performance.now() - started) / 1000, bytes: fs.statSync(file).size, kept };
}

/** The plans of the floor's two statements, run (EXPLAIN ANALYZE, BUFFERS) on its first page: where PostgreSQL spends its part. */
export async function explainFloor(pool: pg.Pool, page = 2000): Promise<string> {
  const plan = async (text: string, values: unknown[] = []) =>
    (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)).rows.map((r) => r['QUERY PLAN']).join('\n');
  const ids = (await pool.query<{ id: string }>(`${FLOOR_IDS_SQL} LIMIT ${page}`)).rows.map((r) => r.id);
  return `${await plan(FLOOR_IDS_SQL)}\n\n${await plan(RESIDENT_EXPORT_SQL, [ids])}`;
}

/** Data rows of a sheet the hand-written writer made (its `<row ` tags, header excluded), read with random access. */
export async function countWrittenRows(file: string): Promise<number> {
  const zip = await openZipEntries(file);
  let rows = 0;
  let carry = '';
  const decoder = new TextDecoder();
  for await (const chunk of await zip.open('xl/worksheets/sheet1.xml')) {
    const text = carry + decoder.decode(chunk as Buffer, { stream: true });
    for (let at = text.indexOf('<row '); at >= 0; at = text.indexOf('<row ', at + 5)) rows++;
    carry = text.slice(-4);
  }
  return rows - 1;
}

/** Bytes of a stream, counted and dropped. */
async function drain(stream: NodeJS.ReadableStream): Promise<number> {
  let bytes = 0;
  const sink = new WritableStream({
    write(chunk: Buffer, _e, done) {
      bytes += chunk.length;
      done();
    },
  });
  stream.pipe(sink);
  await finished(sink);
  return bytes;
}

async function* pages(rows: ExportCell[][], size = 5000) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const seconds = (started: number) => (performance.now() - started) / 1000;

/**
 * Where the export's CPU goes, stage by stage on the same rows in this process (one core, no I/O): raw rows to display
 * cells, cells to SpreadsheetML text, text to UTF-8 with its CRC-32, and deflate at levels 1 and 6 of that text.
 */
export function stageTimes(raw: ResidentExportRow[], pii: Pii) {
  stageRun(raw.slice(0, 5000), pii); // the first run compiles the code paths: timed, it measured the JIT
  return stageRun(raw, pii);
}

function stageRun(raw: ResidentExportRow[], pii: Pii) {
  const deps = { pii, today: new Date().toISOString().slice(0, 10) };
  const started = performance.now();
  const display = raw.map((r) => residentColumns(r, deps, 'zh-CN'));
  const rowsS = seconds(started);
  const rowXml = rowWriter(residentHeaders('zh-CN').headers.length);
  // XML alone, then XML with its encoding, each piece dropped at once as in the writer (kept pieces cost GC time)
  const pass = (piece: (text: string) => void) => {
    const t = performance.now();
    let text = '';
    display.forEach((cells, i) => {
      text += rowXml(i + 2, cells);
      if (text.length > 32_768) {
        piece(text);
        text = '';
      }
    });
    piece(text);
    return seconds(t);
  };
  let chars = 0;
  const xmlS = pass((t) => void (chars += t.length));
  let crc = 0;
  const bytes: Buffer[] = [];
  const encodeS =
    pass((t) => {
      const b = Buffer.from(t, 'utf8');
      crc = zlib.crc32(b, crc);
      bytes.push(b);
    }) - xmlS;
  const xml = Buffer.concat(bytes);
  const deflate = (level: number) => {
    const t = performance.now();
    const size = zlib.deflateRawSync(xml, { level }).length;
    return { seconds: seconds(t), bytes: size };
  };
  return { display, rowsS, xmlS, encodeS, chars, xmlBytes: xml.length, level1: deflate(1), level6: deflate(6) };
}

/** The writers alone on the same rows in memory: exceljs's streaming WorkbookWriter, the hand-written one, and CSV. */
export async function writerRuns(rows: ExportCell[][]) {
  const spec = () => ({ sheetName: '居民', ...residentHeaders('zh-CN'), batches: pages(rows) });
  const time = async (write: () => Promise<number>) => {
    const started = performance.now();
    const bytes = await write();
    return { seconds: (performance.now() - started) / 1000, bytes };
  };
  const csv = await time(async () => {
    let bytes = 0;
    for await (const page of pages(rows)) bytes += Buffer.byteLength(page.map((r) => r.map(csvCell).join(',')).join('\n'));
    return bytes;
  });
  const exceljs = await time(() => drain(streamWorkbook(spec())));
  const lean = await time(() => drain(streamLeanWorkbook(spec())));
  const level6 = await time(() => drain(streamLeanWorkbook(spec(), { level: 6 })));
  return { csv, exceljs, lean, level6 };
}
