import fs from 'node:fs';
import path from 'node:path';
import { ErrorBody, ImportDto } from '@linli/contracts';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobs } from '../../db/schema/index.js';
import { type Agent, TEST_PASSWORD, type Tree, buildCommunityTree, buildOrg, buildUser, signIn, useTestApp } from '../../testing/index.js';
import { editedXlsx, fakeXlsx, multipart, settled, tempDataDir, upload, xlsxBuffer } from './test-kit.js';

const dataDir = tempDataDir();
const LIMIT = 256 * 1024;
const ctx = useTestApp({ dataDir, importLimits: { maxFileBytes: LIMIT } });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const REGISTER = [
  ['楼栋', '房号', '姓名'],
  ['1幢', '101', '张三'],
];
const jobCount = async () => (await ctx.t.db.select({ n: count() }).from(importJobs))[0]!.n;
const storedFiles = () => (fs.existsSync(path.join(dataDir, 'imports')) ? fs.readdirSync(path.join(dataDir, 'imports')).length : 0);
const as = async (role: Parameters<typeof buildUser>[1], scope: { areaId?: string; orgId?: string }): Promise<Agent> =>
  signIn(ctx.app, (await buildUser(ctx.t.db, role, scope)).username, TEST_PASSWORD);
const errorOf = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error;

describe('import access and bad files', () => {
  let A: Tree;
  let B: Tree;
  let staffA: Agent;
  let jobA: ImportDto;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    B = await buildCommunityTree(ctx.t.db, A.street);
    staffA = await as('community_staff', { areaId: A.community.id });
    jobA = ImportDto.parse((await upload(staffA, A.community.id, await xlsxBuffer(REGISTER))).json());
  });

  it('community_staff: can download the template, which maps every column by itself', async () => {
    const res = await staffA.get('/api/imports/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['户籍登记', '代码表']);
    expect(wb.worksheets[0]!.getRow(1).getCell(6).value).toBe('户主姓名');
    expect(wb.worksheets[0]!.rowCount).toBe(3);
    const job = ImportDto.parse((await upload(staffA, A.community.id, res.rawPayload)).json());
    expect(job.columns.every((c) => c.field !== null)).toBe(true);
    expect(job.rowCount).toBe(2);
  });

  it("community_staff: cannot see or upload to another community's imports (404)", async () => {
    const staffB = await as('community_staff', { areaId: B.community.id });
    expect((await staffB.get(`/api/imports/${jobA.id}`)).statusCode).toBe(404);
    expect((await staffB.post(`/api/imports/${jobA.id}/commit`, {})).statusCode).toBe(404);
    expect((await upload(staffB, A.community.id, await xlsxBuffer(REGISTER))).statusCode).toBe(404);
  });

  it('building_leader, grid_worker and handler_staff: cannot import (403)', async () => {
    const readers = [
      await as('building_leader', { areaId: A.building.id }),
      await as('grid_worker', { areaId: A.grid.id }),
      await as('handler_staff', { orgId: (await buildOrg(ctx.t.db, A.community)).id }),
    ];
    for (const agent of readers) {
      expect((await upload(agent, A.community.id, await xlsxBuffer(REGISTER))).statusCode).toBe(403);
      expect((await agent.get(`/api/imports/${jobA.id}`)).statusCode).toBe(403);
      expect((await agent.post(`/api/imports/${jobA.id}/dry-run`, {})).statusCode).toBe(403);
    }
  });

  it('community_staff: cannot upload a file over the limit (413), and nothing is kept', async () => {
    const before = [await jobCount(), storedFiles()];
    const res = await upload(staffA, A.community.id, Buffer.alloc(LIMIT + 1024, 1));
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('PAYLOAD_TOO_LARGE');
    expect([await jobCount(), storedFiles()]).toEqual(before);
  });

  it('community_staff: cannot upload a file that is not .xlsx, is damaged or is a zip bomb (400, nothing kept)', async () => {
    const before = [await jobCount(), storedFiles()];
    const good = await xlsxBuffer(REGISTER);
    const cases: [Buffer, string][] = [
      [Buffer.from('序号,姓名\n1,张三\n'), '上传的文件不是 Excel 工作簿（.xlsx）'],
      [
        Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
        '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再上传',
      ],
      [good.subarray(0, good.length - 40), '文件已损坏，无法读取'],
      [
        await editedXlsx(good, (e) => (e.name.endsWith('sheet1.xml') ? { ...e, data: e.data.subarray(0, 300) } : e)),
        '文件已损坏，无法读取',
      ],
      [
        fakeXlsx([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(16 * 1024 * 1024) }]),
        '文件解压后过大或结构异常，已拒绝（疑似压缩炸弹）',
      ],
      [fakeXlsx([]), '表格中没有可导入的数据行'],
      [await xlsxBuffer([['楼栋', '房号', '姓名']]), '表格中没有可导入的数据行'],
    ];
    for (const [data, message] of cases) {
      const res = await upload(staffA, A.community.id, data);
      expect(res.statusCode, message).toBe(400);
      expect(errorOf(res).message).toBe(message);
    }
    expect([await jobCount(), storedFiles()]).toEqual(before);
  });

  it('community_staff: cannot upload without a file (400), and without a community gets their own', async () => {
    const res = await staffA.request({ method: 'POST', url: '/api/imports', payload: { communityId: A.community.id } });
    expect(res.statusCode).toBe(400);
    const admin = await as('street_supervisor', { areaId: A.street.id });
    const noCommunity = multipart({}, { name: 'r.xlsx', data: await xlsxBuffer(REGISTER) });
    expect((await admin.request({ method: 'POST', url: '/api/imports', ...noCommunity })).statusCode).toBe(400);
    const own = ImportDto.parse((await staffA.request({ method: 'POST', url: '/api/imports', ...noCommunity })).json());
    expect(own.communityId).toBe(A.community.id);
    expect(errorOf(await upload(staffA, 'not-a-uuid', await xlsxBuffer(REGISTER))).details?.issues?.[0]?.path).toBe('communityId');
  });

  it('community_staff: cannot map two columns to one field or leave out a required one (400)', async () => {
    const twice = await staffA.post(`/api/imports/${jobA.id}/dry-run`, { mapping: { '1': 'name' } });
    expect(twice.statusCode).toBe(400);
    expect(errorOf(twice).details?.issues?.map((i) => i.message)).toEqual(['多列对应了同一字段：姓名', '缺少必需的列：楼栋']);
    expect((await staffA.post(`/api/imports/${jobA.id}/dry-run`, { mapping: { '9': 'note' } })).statusCode).toBe(400);
  });

  it('community_staff: can map a column by hand and see progress and the status move on', async () => {
    const res = await staffA.post(`/api/imports/${jobA.id}/dry-run`, { mapping: { '1': 'building' } });
    expect(ImportDto.parse(res.json())).toMatchObject({
      status: 'checking',
      progress: { done: 0, total: 1 },
      abilities: { canCommit: false },
    });
    const done = await settled(staffA, jobA.id);
    expect(done).toMatchObject({ status: 'checked', progress: { done: 1, total: 1 } });
    expect(done.columns[0]).toEqual({ index: 1, header: '楼栋', field: 'building' });
  });
});
