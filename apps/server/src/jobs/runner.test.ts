import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobRuns } from '../db/schema/index.js';
import { useTestDb } from '../testing/index.js';
import { startJobRunner, withJobLock } from './runner.js';

const t = useTestDb();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 200 && !(await check()); i++) await sleep(10);
  expect(await check()).toBe(true);
}

describe('job runner', () => {
  it('runs passes one after another, never overlapping, records them, and stops cleanly', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    const runner = startJobRunner(t.db, [
      {
        name: 'probe',
        everyMs: 5,
        pass: async () => {
          running++;
          most = Math.max(most, running);
          await sleep(20);
          running--;
          return { pass: ++passes };
        },
      },
    ]);
    for (let i = 0; i < 5; i++) runner.wake('probe');
    await until(() => passes >= 3);
    await runner.stop();
    const stoppedAt = passes;
    expect(most).toBe(1);
    const [row] = await t.db.select().from(jobRuns).where(eq(jobRuns.name, 'probe'));
    expect(row!.lastResult).toMatchObject({ pass: expect.any(Number) });
    expect(row!.lastFinishedAt!.getTime()).toBeGreaterThanOrEqual(row!.lastStartedAt!.getTime());
    await sleep(50);
    expect(passes).toBe(stoppedAt);
  });

  it('records a failed pass and keeps going', async () => {
    let calls = 0;
    const runner = startJobRunner(t.db, [
      {
        name: 'flaky',
        everyMs: 5,
        pass: async () => {
          if (++calls === 1) throw new Error('boom');
          return { ok: true };
        },
      },
    ]);
    await until(() => calls >= 2);
    await runner.stop();
    const [row] = await t.db.select().from(jobRuns).where(eq(jobRuns.name, 'flaky'));
    expect(row!.lastResult).toEqual({ ok: true });
  });

  it('lets one holder of a job lock at a time through', async () => {
    let inside = 0;
    let release: () => void = () => undefined;
    const held = withJobLock(t.db, 'exclusive', async () => {
      inside++;
      await new Promise<void>((r) => (release = r));
      return 'first';
    });
    await until(() => inside === 1);
    expect(await withJobLock(t.db, 'exclusive', async () => 'second')).toBeNull();
    release();
    expect(await held).toBe('first');
    expect(await withJobLock(t.db, 'exclusive', async () => 'third')).toBe('third');
  });
});
