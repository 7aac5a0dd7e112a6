import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { scanUpload } from './scan.js';
import { type ZipEntry, editedXlsx, tempDataDir, xlsxBuffer } from './test-kit.js';
import { rejection } from './upload.js';
import { DEFAULT_XLSX_LIMITS, XlsxRejected } from './xlsx-guard.js';
import { readSheetRows } from './xlsx-read.js';

const dir = tempDataDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

const HEADER = ['楼栋', '单元', '房号', '户主姓名', '姓名', '与户主关系'];
const ROWS = Array.from({ length: 40 }, (_, i) => ['1幢', 1, `${i + 101}`, `户主${i}`, `住户${i}`, '户主']);
const SHEET = 'xl/worksheets/sheet1.xml';

/** The register with one entry changed; the zip around it stays valid. */
async function damaged(edit: (e: ZipEntry) => ZipEntry | null): Promise<string> {
  const file = path.join(dir, `r${++n}.xlsx`);
  fs.writeFileSync(file, await editedXlsx(await xlsxBuffer([HEADER, ...ROWS]), edit));
  return file;
}
const editText = (name: string, change: (xml: string) => string) => (e: ZipEntry) =>
  e.name === name ? { ...e, data: Buffer.from(change(e.data.toString('utf8'))) } : e;

/** What the upload (and the CLI) answers for a file: its rejection reason and the user's message, or the rows it found. */
async function scanned(file: string): Promise<{ reason: string; message: string } | { rowCount: number }> {
  try {
    return { rowCount: (await scanUpload(file, DEFAULT_XLSX_LIMITS)).rowCount };
  } catch (e) {
    if (!(e instanceof XlsxRejected)) throw e;
    return { reason: e.reason, message: rejection(e, DEFAULT_XLSX_LIMITS, 'zh-CN').message };
  }
}
const CORRUPT = { reason: 'corrupt', message: '文件已损坏，无法读取' };

describe('a damaged register inside a valid zip', () => {
  it('reads in full when nothing is damaged (the files below differ from it in one entry only)', async () => {
    const parts = new Map<string, string>();
    const file = await damaged((e) => {
      parts.set(e.name, e.data.toString('utf8'));
      return e;
    });
    expect(await scanned(file)).toEqual({ rowCount: ROWS.length });
    // the damage below needs cells that refer to shared strings, rows 3, 5 and 7, and a cell B5
    expect(parts.get(SHEET)).toMatch(/<row r="7"[\s\S]*t="s"/);
    expect(parts.get(SHEET)).toContain('<c r="B5"');
    expect(parts.get('xl/sharedStrings.xml')).toContain('住户39');
  });

  it.each([
    ['a sheet cut in the middle of its rows', editText(SHEET, (x) => x.slice(0, Math.floor(x.length / 2)))],
    ['a sheet cut after its last row', editText(SHEET, (x) => x.slice(0, x.indexOf('</sheetData>')))],
    ['a sheet cut before its rows', editText(SHEET, (x) => x.slice(0, x.indexOf('<sheetData')))],
    ['a row that never closes', editText(SHEET, (x) => x.replace('</row>', ''))],
    ['a cell that never closes', editText(SHEET, (x) => x.replace(/(<row r="3"[^>]*>[\s\S]*?<\/v>)<\/c>/, '$1'))],
    ['a broken tag inside a row', editText(SHEET, (x) => x.replace('<c r="B5"', '<c r="B5"<'))],
    ['stray text between rows', editText(SHEET, (x) => x.replace('</row><row r="7"', '</row>x<row r="7"'))],
    ['a sheet that is not XML at all', editText(SHEET, () => '\u0000\u0001 not xml')],
    ['shared strings cut short', editText('xl/sharedStrings.xml', (x) => x.slice(0, Math.floor(x.length / 3)))],
    ['the first sheet missing from the zip', (e: ZipEntry) => (e.name === SHEET ? null : e)],
  ])('reads as corrupt, not as empty or short: %s', async (_what, edit) => {
    expect(await scanned(await damaged(edit))).toEqual(CORRUPT);
  });

  it('reads as corrupt when an entry is cut short (its sizes agree with the cut)', async () => {
    const cut = (e: ZipEntry) => {
      if (e.name !== SHEET) return e;
      const body = zlib.deflateRawSync(e.data);
      return { ...e, body: body.subarray(0, Math.floor(body.length / 2)) };
    };
    const file = await damaged(cut);
    expect(await scanned(file)).toEqual(CORRUPT);
    const read = async () => {
      for await (const _ of readSheetRows(file, 1000)) void _;
    };
    await expect(read()).rejects.toMatchObject({ reason: 'corrupt' });
  });
});
