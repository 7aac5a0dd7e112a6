import fs from 'node:fs';
import path from 'node:path';
import { ErrorBody, ImportDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJobs } from '../../db/schema/index.js';
import { runHousekeepingPass } from '../../jobs/housekeeping.js';
import { type Agent, TEST_PASSWORD, type Tree, buildArea, buildCommunityTree, buildUser, signIn, useTestApp } from '../../testing/index.js';
import { UPLOAD_TTL_MS, sweepImportUploads } from './stored-files.js';
import { type CellInput, addFlats, makeId, settled, tempDataDir, upload, xlsxBuffer } from './test-kit.js';

const dataDir = tempDataDir();
const dir = path.join(dataDir, 'imports');
const ctx = useTestApp({ dataDir });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const HEADER = ['楼栋', '单元', '房号', '户主姓名', '姓名', '与户主关系', '身份证号'];
const row = (flat: string, name: string, id: string): CellInput[] => ['1幢', 1, flat, name, name, '户主', id];
const DAY = 24 * 60 * 60_000;
const longAgo = new Date(Date.now() - 2 * DAY);

/** The stored register of an import job, as the server keeps it. */
async function fileOf(id: string): Promise<string> {
  const [job] = await ctx.t.db.select().from(importJobs).where(eq(importJobs.id, id));
  return path.join(dir, job!.storedName);
}

describe('uploaded registers on disk', () => {
  let A: Tree;
  let staff: Agent;
  let seq = 0;
  const register = async (rows: CellInput[][]) => {
    const res = await upload(staff, A.community.id, await xlsxBuffer([HEADER, ...rows]));
    expect(res.statusCode, res.body).toBe(201);
    return ImportDto.parse(res.json());
  };
  const fresh = () => row(`${(seq % 6) + 1}0${(seq % 2) + 1}`, `住户${++seq}`, makeId('19800101', seq));
  const step = async (id: string, what: 'dry-run' | 'commit', body: object = {}) => {
    const res = await staff.post(`/api/imports/${id}/${what}`, body);
    expect(res.statusCode, res.body).toBe(200);
    return settled(staff, id);
  };
  const age = async (id: string, when: Date) => {
    await ctx.t.db.update(importJobs).set({ updatedAt: when }).where(eq(importJobs.id, id));
    fs.utimesSync(await fileOf(id), when, when);
  };

  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    const b1 = await buildArea(ctx.t.db, 'building', A.compound, { name: '1幢', gridId: A.grid.id });
    await addFlats(ctx.t.db, b1, 1, 6, 2);
    staff = await signIn(ctx.app, (await buildUser(ctx.t.db, 'community_staff', { areaId: A.community.id })).username, TEST_PASSWORD);
  });

  it('community_staff: can upload a register, kept readable by the server only (0600) until its commit removes it', async () => {
    const job = await register([fresh()]);
    const file = await fileOf(job.id);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await step(job.id, 'dry-run')).status).toBe('checked');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await step(job.id, 'commit')).status).toBe('done');
    expect(fs.existsSync(file)).toBe(false);
    const again = await staff.post(`/api/imports/${job.id}/commit`, {});
    expect(again.statusCode).toBe(409);
    expect(ErrorBody.parse(again.json()).error.message).toBe('上传的文件已不再保留（已导入或已过期），请重新上传');
  });

  it('community_staff: can retry a refused commit: its register stays until then', async () => {
    const job = await register([fresh(), row('101', '坏行', '123')]);
    const refused = await step(job.id, 'commit');
    expect(refused).toMatchObject({ status: 'failed', report: { committed: false } });
    expect(fs.existsSync(await fileOf(job.id))).toBe(true);
    const done = await step(job.id, 'commit', { onlyValidRows: true });
    expect(done).toMatchObject({ status: 'done', report: { committed: true, skippedRows: [3] } });
    expect(fs.existsSync(await fileOf(job.id))).toBe(false);
  });

  it('community_staff: cannot go on with a register found unreadable during a run: it fails and its file is removed', async () => {
    const job = await register([fresh()]);
    const file = await fileOf(job.id);
    fs.writeFileSync(file, 'no longer a workbook');
    const failed = await step(job.id, 'dry-run');
    expect(failed.status).toBe('failed');
    expect(failed.report?.errors[0]?.problem).toBe('文件已损坏，无法读取');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('sweep: expires imports idle for a day and removes every register no job can still use', async () => {
    const idle = await register([fresh()]);
    const resumed = await register([fresh()]);
    const failedLongAgo = await register([fresh(), row('101', '坏行', '123')]);
    await step(failedLongAgo.id, 'commit');
    await age(idle.id, longAgo);
    await age(failedLongAgo.id, longAgo);
    fs.utimesSync(await fileOf(resumed.id), longAgo, longAgo);
    const orphanOld = path.join(dir, 'left-by-a-crash.xlsx');
    const orphanNew = path.join(dir, 'arriving-now.xlsx');
    fs.writeFileSync(orphanOld, 'x');
    fs.utimesSync(orphanOld, longAgo, longAgo);
    fs.writeFileSync(orphanNew, 'x');

    expect(await sweepImportUploads(ctx.t.db, dataDir, new Date())).toEqual({ expired: 1, removed: 3 });
    expect(fs.existsSync(await fileOf(idle.id))).toBe(false);
    expect(fs.existsSync(await fileOf(failedLongAgo.id))).toBe(false);
    expect(fs.existsSync(orphanOld)).toBe(false);
    expect(fs.existsSync(await fileOf(resumed.id))).toBe(true);
    expect(fs.existsSync(orphanNew)).toBe(true);

    const expired = ImportDto.parse((await staff.get(`/api/imports/${idle.id}`)).json());
    expect(expired.status).toBe('failed');
    expect(expired.report?.errors).toEqual([{ row: 1, column: null, problem: '上传超过一天未导入，文件已删除，请重新上传' }]);
    expect((await staff.post(`/api/imports/${idle.id}/dry-run`, {})).statusCode).toBe(409);
    const [kept] = await ctx.t.db.select().from(importJobs).where(eq(importJobs.id, failedLongAgo.id));
    expect(kept!.report?.errors[0]?.key).not.toBe('expired');
    expect((await step(resumed.id, 'commit')).status).toBe('done');
    fs.rmSync(orphanNew);
  });

  it('sweep: runs in the housekeeping pass, which records what it removed', async () => {
    const job = await register([fresh()]);
    const now = new Date(Date.now() + UPLOAD_TTL_MS + 60_000);
    const result = await runHousekeepingPass(ctx.t.db, { dataDir }, now);
    expect(result.importUploads).toEqual({ expired: 1, removed: 1 });
    expect(fs.existsSync(await fileOf(job.id))).toBe(false);
  });
});
