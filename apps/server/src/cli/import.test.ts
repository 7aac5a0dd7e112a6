import fs from 'node:fs';
import path from 'node:path';
import { ImportSummary } from '@linli/contracts';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, residents } from '../db/schema/index.js';
import { type ZipEntry, addFlats, editedXlsx, makeId, tempDataDir, xlsxBuffer } from '../modules/imports/test-kit.js';
import { type Tree, buildArea, buildCommunityTree, testPii, useTestDb } from '../testing/index.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';

const t = useTestDb();
const dir = tempDataDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = ['楼栋', '单元', '房号', '户主姓名', '姓名', '与户主关系', '身份证号', '联系电话'];
const good = [
  HEADER,
  ['1幢', 1, '101', '张三', '张三', '户主', makeId('19700101', 11), '13812345678'],
  ['1幢', 1, '101', '张三', '李四', '妻', makeId('19720202', 22), ''],
];
const bad = [...good, ['1幢', 1, '101', '张三', '王五', '子', '32100320000101001X', '']];

async function file(name: string, rows: (string | number)[][]) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, await xlsxBuffer(rows));
  return p;
}

async function cli(command: typeof importCommand, args: string[]) {
  const lines: string[] = [];
  const code = await command(args, { db: t.db, log: (s) => lines.push(s), dataDir: dir, pii: testPii });
  return { code, out: lines.join('\n') };
}
const residentCount = async () => (await t.db.select({ n: count() }).from(residents))[0]!.n;

describe('linli import / export', () => {
  let A: Tree;
  beforeAll(async () => {
    A = await buildCommunityTree(t.db);
    await addFlats(t.db, await buildArea(t.db, 'building', A.compound, { name: '1幢', gridId: A.grid.id }), 1, 3, 2);
  });

  it('prints exactly { ok, errors, households, residents } with --json and exits 1 when the file has errors', async () => {
    const { code, out } = await cli(importCommand, ['households', await file('bad.xlsx', bad), '--community', A.community.code, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['ok', 'errors', 'households', 'residents']);
    expect(ImportSummary.strict().parse(report)).toEqual({
      ok: false,
      errors: [{ row: 4, column: '身份证号', problem: '身份证号校验位不对，可能有数字输错' }],
      households: { created: 1, updated: 0, unchanged: 0 },
      residents: { created: 2, updated: 0, unchanged: 0 },
    });
    expect(await residentCount()).toBe(0);
  });

  it('--dry-run checks a clean file, exits 0 and writes nothing; then the import writes and a second one changes nothing', async () => {
    const p = await file('good.xlsx', good);
    expect((await cli(importCommand, ['households', p, '--community', A.community.code, '--dry-run'])).code).toBe(0);
    expect(await residentCount()).toBe(0);
    const first = await cli(importCommand, ['households', p, '--community', A.community.code]);
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining('Imported: households 1 created') });
    expect(await residentCount()).toBe(2);
    const again = await cli(importCommand, ['households', p, '--community', A.community.code, '--json', '--lang', 'en']);
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, residents: { created: 0, updated: 0, unchanged: 2 } });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'registry.import'));
    expect(audit).toMatchObject({ actorName: 'cli', communityId: A.community.id });
  });

  it('--only-valid imports the valid rows and still exits 1', async () => {
    const rows = [
      HEADER,
      ['1幢', 1, '201', '赵六', '赵六', '户主', makeId('19600101', 31), ''],
      ['1幢', 1, '201', '赵六', '钱七', '妻', 'bad', ''],
    ];
    const { code, out } = await cli(importCommand, [
      'households',
      await file('mixed.xlsx', rows),
      '--community',
      A.community.code,
      '--only-valid',
    ]);
    expect(code).toBe(1);
    expect(out).toContain('Skipped rows: 3');
    expect(await t.db.select().from(residents).where(eq(residents.name, '赵六'))).toHaveLength(1);
  });

  it('refuses a file that is not .xlsx (exit 1) and bad arguments (exit 2)', async () => {
    const txt = path.join(dir, 'register.xlsx.txt');
    fs.writeFileSync(txt, '姓名\n张三\n');
    const refused = await cli(importCommand, ['households', txt, '--community', A.community.code, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({
      ok: false,
      errors: [{ row: 0, column: null, problem: '上传的文件不是 Excel 工作簿（.xlsx）' }],
    });
    expect((await cli(importCommand, ['households', txt])).code).toBe(2);
    expect((await cli(importCommand, ['people', txt, '--community', A.community.code])).code).toBe(2);
    expect((await cli(importCommand, ['households', txt, '--community', '000'])).code).toBe(2);
    expect((await cli(importCommand, ['households', path.join(dir, 'missing.xlsx'), '--community', A.community.code])).code).toBe(2);
  });

  it('refuses a register damaged past its first rows (exit 1, nothing written), though it reads only the top before importing', async () => {
    const rows = [HEADER, ...Array.from({ length: 30 }, (_, i) => ['1幢', 1, '102', '孙八', `孙${i}`, i ? '子' : '户主', '', ''])];
    const cut = (e: ZipEntry) => (e.name.endsWith('sheet1.xml') ? { ...e, data: e.data.subarray(0, e.data.length - 2000) } : e);
    const p = path.join(dir, 'cut.xlsx');
    fs.writeFileSync(p, await editedXlsx(await xlsxBuffer(rows), cut));
    const before = await residentCount();
    const { code, out } = await cli(importCommand, ['households', p, '--community', A.community.code, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false, errors: [{ row: 0, column: null, problem: '文件已损坏，无法读取' }] });
    expect(await residentCount()).toBe(before);
  });

  it('export residents writes the community to an .xlsx with masked IDs and phones', async () => {
    const target = path.join(dir, 'out.xlsx');
    const { code, out } = await cli(exportCommand, ['residents', target, '--community', A.community.code]);
    expect(code).toBe(0);
    expect(out).toContain('Wrote 3 residents');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(target);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('张三');
    expect((await cli(exportCommand, ['people', target, '--community', A.community.code])).code).toBe(2);
  });
});
