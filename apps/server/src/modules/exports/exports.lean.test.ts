import { maskIdNumber, maskPhone } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { residents } from '../../db/schema/index.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildCommunityTree,
  buildHousehold,
  buildUser,
  signIn,
  testPii,
  useTestApp,
} from '../../testing/index.js';
import { backfillResidentMasks } from './mask-backfill.js';
import { columnName } from './sheet-rows.js';
import { streamLeanWorkbook } from './xlsx-lean.js';
import type { ExportCell } from './xlsx-stream.js';

const ctx = useTestApp();

async function bytesOf(out: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of out) chunks.push(c);
  return Buffer.concat(chunks);
}

async function cellsOf(file: Buffer): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const rows: ExcelJS.CellValue[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

describe('hand-written workbook', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('writes a workbook exceljs reads back cell for cell, with valid CRCs, across many deflate chunks', async () => {
    const odd: ExportCell[] = ['a & b <c> "d"', ' 前后空格 ', '=1+1', 'bell\u0007gone', 0, -1.5, null, '张三'];
    async function* batches() {
      yield [odd];
      for (let b = 0; b < 4; b++) yield Array.from({ length: 2500 }, (_, i): ExportCell[] => [`居民${b * 2500 + i}`, i, null, '李四']);
    }
    let counted = -1;
    const file = await bytesOf(
      streamLeanWorkbook({
        sheetName: '居民/导出',
        headers: ['甲', '乙', '丙', '丁'],
        widths: [10, 6],
        batches: batches(),
        onRows: async (n) => void (counted = n),
      }),
    );
    const zip = await JSZip.loadAsync(file, { checkCRC32: true });
    expect(Object.keys(zip.files)).toContain('xl/worksheets/sheet1.xml');
    const rows = await cellsOf(file);
    expect(counted).toBe(10_001);
    expect(rows).toHaveLength(10_002);
    expect(rows[0]).toEqual(['甲', '乙', '丙', '丁']);
    expect(rows[1]).toEqual(['a & b <c> "d"', ' 前后空格 ', "'=1+1", 'bellgone', 0, -1.5, undefined, '张三']);
    expect(rows[10_001]).toEqual(['居民9999', 2499, undefined, '李四']);
  });

  it('stops pulling rows while the client reads nothing, then writes them all', async () => {
    const pages = 200;
    let pulled = 0;
    async function* batches() {
      for (let b = 0; b < pages; b++) {
        pulled++;
        yield Array.from({ length: 1000 }, (_, i): ExportCell[] => [`居民${b}-${i}`, `${b * 7 + i}号`, i, '张三 & 李四']);
      }
    }
    const out = streamLeanWorkbook({ sheetName: 's', headers: ['a', 'b', 'c', 'd'], batches: batches() });
    const pause = () => new Promise((r) => setTimeout(r, 200));
    while (pulled === 0) await pause();
    for (let seen = -1; seen !== pulled; await pause()) seen = pulled;
    expect(pulled).toBeLessThan(pages / 4);
    expect(out.readableLength).toBeLessThanOrEqual(out.readableHighWaterMark + 128 * 1024);
    const zip = await JSZip.loadAsync(await bytesOf(out), { checkCRC32: true });
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(pulled).toBe(pages);
    expect(xml.split('<row ').length - 1).toBe(pages * 1000 + 1);
    expect(xml).toContain(`<c r="A${pages * 1000 + 1}" t="inlineStr"><is><t>居民${pages - 1}-999</t></is></c>`);
  });

  it('fails the download instead of writing a short file when the rows fail', async () => {
    async function* batches(): AsyncGenerator<ExportCell[][]> {
      yield [['ok']];
      throw new Error('database gone');
    }
    await expect(bytesOf(streamLeanWorkbook({ sheetName: 's', headers: ['a'], batches: batches() }))).rejects.toThrow('database gone');
  });
});

describe('export masks without decryption', () => {
  let A: Tree;
  let staff: Agent;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    staff = await signIn(ctx.app, (await buildUser(ctx.t.db, 'community_staff', { areaId: A.community.id })).username, TEST_PASSWORD);
  });

  it('community_staff: can export rows written before the mask columns, and the backfill fills them with the same masks', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { members: 1, head: { name: '旧数据', phone: '13712345678' } });
    const { id, idNumber } = h.members[0]!;
    await ctx.t.db.update(residents).set({ idMasked: null, phoneMasked: null }).where(eq(residents.id, id));
    const expected = [maskIdNumber(idNumber!), maskPhone('13712345678')];
    const before = await cellsOf((await staff.get('/api/exports/residents.xlsx')).rawPayload);
    const row = before.find((r) => r[4] === '旧数据')!;
    expect([row[7], row[12]]).toEqual(expected);
    expect((await backfillResidentMasks(ctx.t.db, testPii)).filled).toBeGreaterThanOrEqual(1);
    const [stored] = await ctx.t.db.select().from(residents).where(eq(residents.id, id));
    expect([stored?.idMasked, stored?.phoneMasked]).toEqual(expected);
    expect((await backfillResidentMasks(ctx.t.db, testPii)).filled).toBe(0);
  });

  it('community_staff: can export with the stored masks alone, the ciphertext unreadable', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { members: 1, head: { name: '只用掩码', phone: '13612345678' } });
    await ctx.t.db
      .update(residents)
      .set({ idNumberEnc: Buffer.from('not a ciphertext') })
      .where(eq(residents.id, h.members[0]!.id));
    const rows = await cellsOf((await staff.get('/api/exports/residents.xlsx')).rawPayload);
    const row = rows.find((r) => r[4] === '只用掩码')!;
    expect(row[7]).toBe(maskIdNumber(h.members[0]!.idNumber!));
    expect(row[12]).toBe('136****5678');
  });
});
