import fs from 'node:fs';
import { type ImportDto, ImportDto as ImportSchema } from '@linli/contracts';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, flats, households, importJobs, registryHistory, residents } from '../../db/schema/index.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildHousehold,
  buildUser,
  signIn,
  testPii,
  useTestApp,
} from '../../testing/index.js';
import { type CellInput, addFlats, makeId, settled, tempDataDir, upload, xlsxBuffer } from './test-kit.js';

const dataDir = tempDataDir();
const ctx = useTestApp({ dataDir });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const HEADER = ['序号', '楼栋', '单元', '房号', '户主姓名', '姓名', '与户主关系', '性别', '身份证号', '出生日期', '联系电话', '特殊人群'];
const ZHANG = makeId('19650312', 13);
const LI = makeId('19670820', 24);
const SON = makeId('19920105', 35);
const WANG = makeId('19500101', 11);
const GOOD: CellInput[][] = [
  HEADER,
  [1, '1幢', 1, '101', '张建国', '张建国', '户主', '男', ZHANG, '1965-03-12', '13812345678', ''],
  [2, '1幢', 1, '101', '张建国', '李秀英', '妻', '女', LI, '1967/8/20', '', '残疾人、低保'],
  [3, '1幢', 1, '101', '张建国', '张  伟', '子', '男', SON, '19920105', '', ''],
  [4, '1号楼', 2, '302', '王芳', '王芳', '户主', '男', WANG, new Date(Date.UTC(1950, 0, 1)), '', '独居老人'],
];

const countOf = async (table: typeof residents | typeof households | typeof flats) =>
  (await ctx.t.db.select({ n: count() }).from(table))[0]!.n;
const totals = (job: ImportDto) => ({ households: job.report?.households, residents: job.report?.residents });

describe('register import', () => {
  let A: Tree;
  let staff: Agent;
  const run = async (rows: CellInput[][], step: 'dry-run' | 'commit', body: object = {}, agent = staff) => {
    const res = await upload(agent, A.community.id, await xlsxBuffer(rows));
    expect(res.statusCode, res.body).toBe(201);
    const job = ImportSchema.parse(res.json());
    const started = await agent.post(`/api/imports/${job.id}/${step}`, body);
    expect(started.statusCode, started.body).toBe(200);
    return settled(agent, job.id);
  };

  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    const b1 = await buildArea(ctx.t.db, 'building', A.compound, { name: '1幢', gridId: A.grid.id });
    await addFlats(ctx.t.db, b1, 2, 6, 2);
    const u = await buildUser(ctx.t.db, 'community_staff', { areaId: A.community.id });
    staff = await signIn(ctx.app, u.username, TEST_PASSWORD);
  });

  it('community_staff: can upload a register and see its columns mapped automatically', async () => {
    const job = ImportSchema.parse((await upload(staff, A.community.id, await xlsxBuffer(GOOD, { title: '户籍人口登记表' }))).json());
    expect(job).toMatchObject({ status: 'uploaded', rowCount: 4, fileName: 'register.xlsx', report: null, abilities: { canCommit: true } });
    expect(job.columns.map((c) => c.field)).toEqual([
      'seq',
      'building',
      'unit',
      'flat',
      'headName',
      'name',
      'relation',
      'sex',
      'idNumber',
      'birthDate',
      'phone',
      'tags',
    ]);
    expect(job.columns[0]).toEqual({ index: 1, header: '序号', field: 'seq' });
  });

  it('community_staff: can dry-run a register: counts what would happen, writes nothing', async () => {
    const checked = await run(GOOD, 'dry-run');
    expect(checked.status).toBe('checked');
    expect(checked.report).toMatchObject({ ok: true, errors: [], committed: false });
    expect(totals(checked)).toEqual({
      households: { created: 2, updated: 0, unchanged: 0 },
      residents: { created: 4, updated: 0, unchanged: 0 },
    });
    expect(checked.progress).toEqual({ done: 4, total: 4 });
    expect(await countOf(residents)).toBe(0);
  });

  it('community_staff: can commit a register: encrypted IDs, codes, tags, history and an audit row', async () => {
    const done = await run(GOOD, 'commit');
    expect(done.status).toBe('done');
    expect(done.progress).toEqual({ done: 8, total: 8 });
    const stored = await ctx.t.db.select().from(residents).where(eq(residents.communityId, A.community.id));
    expect(stored.map((r) => r.name).sort()).toEqual(['张伟', '张建国', '李秀英', '王芳'].sort());
    const li = stored.find((r) => r.name === '李秀英')!;
    expect(li).toMatchObject({ sex: 2, birthDate: '1967-08-20', relation: '12', idTail: LI.slice(-4), tags: ['disabled'] });
    const [zhangs] = await ctx.t.db.select().from(households).where(eq(households.id, li.householdId));
    expect(zhangs?.tags).toEqual(['low_income']);
    expect(testPii.decrypt(li.idNumberEnc!)).toBe(LI);
    expect(li.idNumberHash).toBe(testPii.lookupHash(LI));
    const zhang = stored.find((r) => r.name === '张建国')!;
    expect([testPii.decrypt(zhang.phoneEnc!), zhang.phoneTail, zhang.nameInitials]).toEqual(['13812345678', '5678', 'zjg']);
    expect(JSON.stringify(await ctx.t.db.select().from(registryHistory))).not.toContain(LI);
    expect(await countOf(households)).toBe(2);
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registry.import'), eq(auditLog.entityId, done.id)));
    expect(audit).toMatchObject({ communityId: A.community.id, details: { residents: { created: 4 } } });
  });

  it('community_staff: can import the same file again: nothing created or changed', async () => {
    const again = await run(GOOD, 'commit');
    expect(again.status).toBe('done');
    expect(totals(again)).toEqual({
      households: { created: 0, updated: 0, unchanged: 2 },
      residents: { created: 0, updated: 0, unchanged: 4 },
    });
    expect([await countOf(residents), await countOf(households)]).toEqual([4, 2]);
  });

  it('community_staff: can re-import a changed register: the changed person is updated, with masked history', async () => {
    const changed = GOOD.map((r) => (r[5] === '王芳' ? [...r.slice(0, 10), '13900001111', '独居老人'] : r));
    const done = await run(changed, 'commit');
    expect(totals(done)).toEqual({
      households: { created: 0, updated: 1, unchanged: 1 },
      residents: { created: 0, updated: 1, unchanged: 3 },
    });
    const [entry] = await ctx.t.db.select().from(registryHistory).where(eq(registryHistory.action, 'update'));
    expect(entry?.changes).toEqual([{ field: 'phone', from: null, to: '139****1111' }]);
  });

  it('community_staff: cannot import a register with a bad row: nothing is stored, the report names the row', async () => {
    const bad = [
      ...GOOD.slice(0, 1),
      [1, '1幢', 2, '601', '赵大', '赵大', '户主', '男', makeId('19700101', 51), '', '', ''],
      [2, '1幢', 2, '601', '赵大', '赵二', '子', '男', `${ZHANG.slice(0, 17)}0`, '', '', ''],
    ];
    const before = [await countOf(residents), await countOf(households)];
    const failed = await run(bad, 'commit');
    expect(failed.status).toBe('failed');
    expect(failed.report).toMatchObject({ ok: false, committed: false, errorCount: 1 });
    expect(failed.report?.errors[0]).toMatchObject({ row: 3, column: '身份证号' });
    expect([await countOf(residents), await countOf(households)]).toEqual(before);
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, failed.id), eq(auditLog.action, 'registry.import')));
    expect(audit).toMatchObject({ action: 'registry.import', outcome: 'failed', details: { errors: 1 } });
  });

  it('community_staff: can import only the valid rows and read which were skipped', async () => {
    const rows = [
      HEADER,
      [1, '1幢', 2, '602', '钱一', '钱一', '户主', '男', makeId('19700101', 71), '', '', ''],
      [2, '1幢', 2, '602', '钱一', '钱二', '子', '男', '123', '', '', ''],
      [3, '9幢', 1, '101', '孙三', '孙三', '户主', '', '', '', '', ''],
    ];
    const done = await run(rows, 'commit', { onlyValidRows: true });
    expect(done.status).toBe('done');
    expect(done.report).toMatchObject({ ok: false, committed: true, skippedRows: [3, 4] });
    expect(done.report?.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '身份证号'],
      [4, '楼栋'],
    ]);
    expect(totals(done).residents).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await ctx.t.db.select().from(residents).where(eq(residents.name, '钱一'))).toHaveLength(1);
  });

  it('community_staff: can create missing flats when asked, and only then', async () => {
    const rows = [HEADER, [1, '1幢', 3, '701', '周七', '周七', '户主', '', '', '', '', '']];
    const without = await run(rows, 'dry-run');
    expect(without.report?.errors[0]).toMatchObject({ row: 2, column: '房号', problem: expect.stringContaining('没有3单元701室') });
    const flatsBefore = await countOf(flats);
    const done = await run(rows, 'commit', { createMissingFlats: true });
    expect(done.report).toMatchObject({ ok: true, committed: true, missingFlats: 1 });
    expect(await countOf(flats)).toBe(flatsBefore + 1);
    const [flat] = await ctx.t.db
      .select()
      .from(flats)
      .where(and(eq(flats.unitNo, 3), eq(flats.flatNo, '701')));
    expect(flat).toMatchObject({ floorNo: 7, communityId: A.community.id });
  });

  it('community_staff: can read the report in English', async () => {
    const checked = await run([HEADER, [1, '1幢', 1, '101', '张建国', '吴八', '表哥的朋友', '', '', '', '', '']], 'dry-run');
    const en = ImportSchema.parse(
      (await staff.request({ method: 'GET', url: `/api/imports/${checked.id}`, headers: { 'x-linli-locale': 'en' } })).json(),
    );
    expect(en.report?.errors).toEqual([
      { row: 2, column: '与户主关系', problem: 'Unrecognised value “表哥的朋友”; use a code or a standard name' },
    ]);
    expect(checked.report?.errors[0]?.problem).toBe('无法识别“表哥的朋友”，请填写代码或标准名称');
  });

  it('community_staff: cannot import an ID number already registered in another community', async () => {
    const other = await buildCommunityTree(ctx.t.db, A.street);
    const h = await buildHousehold(ctx.t.db, other.building);
    const theirs = h.members[0]!.idNumber!;
    const checked = await run([HEADER, [1, '1幢', 2, '501', '冯九', '冯九', '户主', '', theirs, '', '', '']], 'dry-run');
    expect(checked.report?.errors).toEqual([{ row: 2, column: '身份证号', problem: '该身份证号已在其他社区登记为现住居民' }]);
    expect(await ctx.t.db.select().from(importJobs).where(eq(importJobs.id, checked.id))).toHaveLength(1);
  });
});
