import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDb } from '../../testing/index.js';
import { readAll } from './repo.js';

const t = useTestDb();

/** Two reads that log when they start and end, each a real query. */
function loggedReads(db: Parameters<typeof readAll>[0], log: string[]) {
  const read = (n: number) => async () => {
    log.push(`start ${n}`);
    const { rows } = await db.execute<{ n: number }>(sql`SELECT ${n}::int AS n`);
    log.push(`end ${n}`);
    return Number(rows[0]!.n);
  };
  return [read(1), read(2)] as const;
}

describe('readAll', () => {
  it('inside a transaction: one read after another, never two queries on its one client', async () => {
    const log: string[] = [];
    const out = await t.db.transaction((tx) => readAll(tx, loggedReads(tx, log)));
    expect(out).toEqual([1, 2]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });

  it('on the pool: the reads run at once', async () => {
    const log: string[] = [];
    expect(await readAll(t.db, loggedReads(t.db, log))).toEqual([1, 2]);
    expect(log.slice(0, 2)).toEqual(['start 1', 'start 2']);
  });
});
