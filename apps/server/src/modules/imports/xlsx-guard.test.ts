import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeXlsx, handZip, tempDataDir, xlsxBuffer } from './test-kit.js';
import { inspectXlsx } from './xlsx-guard.js';
import { readSheetRows } from './xlsx-read.js';

const dir = tempDataDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (data: Buffer | string) => {
  const p = path.join(dir, `f${++n}.xlsx`);
  fs.writeFileSync(p, data);
  return p;
};
const reason = (p: string) =>
  inspectXlsx(p).then(
    () => 'ok',
    (e: { reason?: string }) => e.reason ?? String(e),
  );

describe('xlsx guard', () => {
  it('lets a workbook written by exceljs through and reads its rows', async () => {
    const p = file(await xlsxBuffer([['姓名'], ['张三'], [null], ['李四']]));
    expect(await reason(p)).toBe('ok');
    const rows = [];
    for await (const r of readSheetRows(p, 100)) rows.push(r);
    expect(rows.map((r) => [r.number, r.cells[0]])).toEqual([
      [1, '姓名'],
      [2, '张三'],
      [4, '李四'],
    ]);
  });

  it('reads Chinese text intact across the chunks of a long sheet (inline and shared strings)', async () => {
    const names = Array.from({ length: 6000 }, (_, i) => `${'张李王赵钱孙周吴'[i % 8]}${'建国秀英伟芳'.slice(i % 5, (i % 5) + 2)}${i}`);
    const inline = path.join(dir, 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: inline });
    const ws = writer.addWorksheet('户籍');
    for (const n of ['姓名', ...names]) ws.addRow([n, '低保、独居老人']).commit();
    ws.commit();
    await writer.commit();
    for (const p of [inline, file(await xlsxBuffer([['姓名'], ...names.map((n) => [n])]))]) {
      const read: string[] = [];
      for await (const r of readSheetRows(p, 10_000)) read.push(String(r.cells[0]));
      expect(read.slice(1)).toEqual(names);
    }
  });

  it('refuses text, an old .xls, a zip that is not a workbook, and a damaged file', async () => {
    expect(await reason(file('序号,姓名\n1,张三\n'))).toBe('notXlsx');
    expect(await reason(file(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)])))).toBe('legacyXls');
    expect(await reason(file(fakeXlsx([]).subarray(0, 40)))).toBe('corrupt');
    const good = await xlsxBuffer([['姓名'], ['张三']]);
    expect(await reason(file(good.subarray(0, good.length - 30)))).toBe('corrupt');
    expect(await reason(file(handZip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }])))).toBe('notXlsx');
  });

  it('refuses a zip bomb by the sizes its central directory declares', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    expect(await reason(file(fakeXlsx([{ name: 'xl/worksheets/sheet1.xml', data: zeros }])))).toBe('zipBomb');
  });

  it('refuses an entry that inflates beyond the size it declares', async () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    expect(await reason(file(fakeXlsx([{ name: 'xl/worksheets/sheet1.xml', data: zeros, declared: 1000 }])))).toBe('zipBomb');
  });

  it('stops reading a sheet longer than the row limit', async () => {
    const p = file(await xlsxBuffer([['姓名'], ...Array.from({ length: 20 }, (_, i) => [`人${i}`])]));
    const read = async () => {
      for await (const _ of readSheetRows(p, 10)) void _;
    };
    await expect(read()).rejects.toMatchObject({ reason: 'tooManyRows' });
  });
});
