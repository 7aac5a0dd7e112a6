import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { xlsxBuffer } from './test-kit.js';
import { readSheetRows } from './xlsx-read.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-xlsx-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Rewrites a workbook with its zip entries in the given order (writers differ; the reader must not care). */
async function reordered(buffer: Buffer, first: (name: string) => boolean): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const out = new JSZip();
  for (const name of [...names.filter(first), ...names.filter((n) => !first(n))]) out.file(name, await zip.file(name)!.async('nodebuffer'));
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

const rows = [
  ['姓名', '房号'],
  ['张三', '101'],
  ['李四', '102'],
];

async function readAll(file: string) {
  const out: string[][] = [];
  for await (const r of readSheetRows(file, 100)) out.push(r.cells.map(String));
  return out;
}

describe('readSheetRows', () => {
  it('reads a sheet whose zip entry comes before xl/workbook.xml (after the shared strings and rels)', async () => {
    const order = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
    const file = await reordered(await xlsxBuffer(rows), (n) => order.includes(n));
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const names = Object.keys(zip.files);
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/workbook.xml'));
    expect(await readAll(file)).toEqual(rows);
  });

  it('reads the usual order too', async () => {
    const file = await reordered(await xlsxBuffer(rows), (n) => n === '[Content_Types].xml' || n === 'xl/workbook.xml');
    expect(await readAll(file)).toEqual(rows);
  });

  it('reads the same rows in 40 concurrent reads, sheets before or after the shared strings', async () => {
    const written = await xlsxBuffer(rows);
    const sheetsFirst = await reordered(written, (n) => n.startsWith('xl/worksheets/'));
    const stringsFirst = await reordered(written, (n) => n === 'xl/sharedStrings.xml' || n === 'xl/workbook.xml');
    const reads = await Promise.all(Array.from({ length: 40 }, (_, i) => readAll(i % 2 ? sheetsFirst : stringsFirst)));
    expect(reads).toEqual(Array.from({ length: 40 }, () => rows));
  });

  it('stops early without leaving the file open or failing the next read', async () => {
    const file = await reordered(await xlsxBuffer(rows), (n) => n.startsWith('xl/worksheets/'));
    for (let i = 0; i < 5; i++) for await (const r of readSheetRows(file, 100)) if (r.number === 1) break;
    expect(await readAll(file)).toEqual(rows);
  });
});
