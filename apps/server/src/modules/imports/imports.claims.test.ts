import fs from 'node:fs';
import path from 'node:path';
import { ImportDto } from '@linli/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/pool.js';
import { auditLog, importJobs, residents } from '../../db/schema/index.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildUser,
  signIn,
  testPii,
  useTestApp,
} from '../../testing/index.js';
import { type RunEnv, runClaimedJob } from './job-run.js';
import type { ImportJobRow } from './repo.js';
import { createRunner } from './runner.js';
import { type CellInput, addFlats, makeId, settled, tempDataDir, upload, xlsxBuffer } from './test-kit.js';
import { DEFAULT_XLSX_LIMITS } from './xlsx-guard.js';

const dataDir = tempDataDir();
const dir = path.join(dataDir, 'imports');
const ctx = useTestApp({ dataDir });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const HEADER = ['楼栋', '单元', '房号', '户主姓名', '姓名', '与户主关系', '身份证号'];

describe('import runs claimed from the database (several servers)', () => {
  let A: Tree;
  let staff: Agent;
  let staffId: string;
  let seq = 0;
  /** a second server: its own pool on the same database, its own runner */
  let other: Database;
  const otherEnv = (): RunEnv => ({ db: other.db, pii: testPii, dir, limits: DEFAULT_XLSX_LIMITS, log: () => undefined });

  const register = async () => {
    const s = ++seq;
    const rows: CellInput[][] = [
      HEADER,
      ['1幢', 1, `${(s % 6) + 1}0${(s % 2) + 1}`, `住户${s}`, `住户${s}`, '户主', makeId('19800101', s)],
    ];
    const res = await upload(staff, A.community.id, await xlsxBuffer(rows));
    expect(res.statusCode, res.body).toBe(201);
    return ImportDto.parse(res.json());
  };
  /** The job as a server that died mid-run leaves it: importing, claimed, its lease run out. */
  const leftByDeadServer = async (id: string, patch: Partial<ImportJobRow> = {}) => {
    const [row] = await ctx.t.db
      .update(importJobs)
      .set({
        status: 'importing',
        progressDone: 1,
        progressTotal: 2,
        runBy: staffId,
        claimedBy: 'dead-server',
        leaseUntil: sql`now() - interval '1 second'`,
        attempts: 1,
        ...patch,
      })
      .where(eq(importJobs.id, id))
      .returning();
    return row!;
  };
  const jobRow = async (id: string) => (await ctx.t.db.select().from(importJobs).where(eq(importJobs.id, id)))[0]!;

  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    const b1 = await buildArea(ctx.t.db, 'building', A.compound, { name: '1幢', gridId: A.grid.id });
    await addFlats(ctx.t.db, b1, 1, 6, 2);
    const user = await buildUser(ctx.t.db, 'community_staff', { areaId: A.community.id });
    staffId = user.id;
    staff = await signIn(ctx.app, user.username, TEST_PASSWORD);
    other = openDatabase(ctx.t.url, { max: 4 });
  });
  afterAll(() => other.pool.end());

  it('a run started here is claimed by this server and released with its result', async () => {
    const job = await register();
    const res = await staff.post(`/api/imports/${job.id}/dry-run`, {});
    expect(res.statusCode, res.body).toBe(200);
    const started = await jobRow(job.id);
    expect(started.runBy).toBe(staffId);
    expect(started.attempts).toBe(1);
    expect((await settled(staff, job.id)).status).toBe('checked');
    expect(await jobRow(job.id)).toMatchObject({ claimedBy: null, leaseUntil: null });
  });

  it('a commit whose server died is taken over by another server, finishes once, and is audited as its user', async () => {
    const job = await register();
    await leftByDeadServer(job.id);
    const before = await ctx.t.db.$count(residents, eq(residents.communityId, A.community.id));
    const runner = createRunner({ db: other.db, log: () => undefined, pollMs: 0, work: (j, id) => runClaimedJob(otherEnv(), j, id) });
    expect(await runner.poll()).toBe(1);
    await runner.stop();
    const done = await jobRow(job.id);
    expect(done).toMatchObject({ status: 'done', claimedBy: null, leaseUntil: null, attempts: 2 });
    expect(done.report?.committed).toBe(true);
    expect(await ctx.t.db.$count(residents, eq(residents.communityId, A.community.id))).toBe(before + 1);
    const audits = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registry.import'), eq(auditLog.entityId, job.id)));
    expect(audits.map((a) => a.actorId)).toEqual([staffId]);
    expect(fs.existsSync(path.join(dir, done.storedName))).toBe(false);
  });

  it('the server answering for a job whose claim ran out takes it over at once (no wait for its poll)', async () => {
    const job = await register();
    await leftByDeadServer(job.id, { status: 'checking', progressTotal: 1 });
    expect((await settled(staff, job.id)).status).toBe('checked');
    expect((await jobRow(job.id)).attempts).toBe(2);
  });

  it('a run whose claim still holds is not taken, and a user cannot start it again (409)', async () => {
    const job = await register();
    await leftByDeadServer(job.id, { claimedBy: 'live-server', leaseUntil: new Date(Date.now() + 60_000) });
    const runner = createRunner({ db: other.db, log: () => undefined, pollMs: 0, work: () => Promise.resolve() });
    expect(await runner.poll()).toBe(0);
    expect((await staff.post(`/api/imports/${job.id}/commit`, {})).statusCode).toBe(409);
    expect(await jobRow(job.id)).toMatchObject({ status: 'importing', claimedBy: 'live-server', attempts: 1 });
    await ctx.t.db.update(importJobs).set({ status: 'failed', claimedBy: null, leaseUntil: null }).where(eq(importJobs.id, job.id));
  });

  it('servers polling at the same moment: exactly one claims the run', async () => {
    const job = await register();
    await leftByDeadServer(job.id, { status: 'checking', progressTotal: 1 });
    const pools = [other, openDatabase(ctx.t.url, { max: 2 }), openDatabase(ctx.t.url, { max: 2 })];
    const claimedBy: string[] = [];
    const runners = pools.map((p, i) =>
      createRunner({
        db: p.db,
        id: `server-${i}`,
        log: () => undefined,
        pollMs: 0,
        work: async (j, id) => {
          claimedBy.push(id);
          await runClaimedJob({ ...otherEnv(), db: p.db }, j, id);
        },
      }),
    );
    const taken = await Promise.all(runners.map((r) => r.poll()));
    await Promise.all(runners.map((r) => r.stop()));
    await Promise.all(pools.slice(1).map((p) => p.pool.end()));
    expect(taken.reduce((a, b) => a + b, 0)).toBe(1);
    expect(claimedBy).toHaveLength(1);
    expect(await jobRow(job.id)).toMatchObject({ status: 'checked', attempts: 2, claimedBy: null });
  });

  it('a long run keeps its claim by renewing the lease, so no other server takes it meanwhile', async () => {
    const job = await register();
    await leftByDeadServer(job.id, { status: 'checking', progressTotal: 1 });
    let release = () => undefined as void;
    const held = new Promise<void>((r) => (release = r));
    const slow = createRunner({ db: ctx.t.db, id: 'slow', leaseMs: 300, pollMs: 0, log: () => undefined, work: () => held });
    expect(await slow.poll()).toBe(1);
    await new Promise((r) => setTimeout(r, 900));
    const late = createRunner({ db: other.db, id: 'late', pollMs: 0, log: () => undefined, work: () => Promise.resolve() });
    expect(await late.poll()).toBe(0);
    expect((await jobRow(job.id)).claimedBy).toBe('slow');
    release();
    await slow.stop();
    await ctx.t.db.update(importJobs).set({ status: 'failed', claimedBy: null, leaseUntil: null }).where(eq(importJobs.id, job.id));
  });

  it('a run that lost its server three times is given up; one whose file this server cannot reach fails saying so', async () => {
    const tired = await register();
    await leftByDeadServer(tired.id, { attempts: 3 });
    const gone = await register();
    const goneRow = await leftByDeadServer(gone.id);
    fs.rmSync(path.join(dir, goneRow.storedName));
    const runner = createRunner({ db: other.db, log: () => undefined, pollMs: 0, work: (j, id) => runClaimedJob(otherEnv(), j, id) });
    expect(await runner.poll()).toBe(2);
    await runner.stop();
    const t = ImportDto.parse((await staff.get(`/api/imports/${tired.id}`)).json());
    expect(t).toMatchObject({ status: 'failed', report: { errors: [{ problem: '处理被中断（服务器重启），请重新运行' }] } });
    const g = ImportDto.parse((await staff.get(`/api/imports/${gone.id}`)).json());
    expect(g.status).toBe('failed');
    expect(g.report?.errors[0]?.problem).toBe('接手处理的服务器找不到上传的文件（各服务器须共用数据目录），请重新上传');
  });
});
