import { describe, expect, it } from 'vitest';
import { useTestDb } from '../index.js';
import { LOAD_KINDS } from './load-mix.js';
import { runLoad } from './run-load.js';

const t = useTestDb();

/** The quick version of `npm run check:load` (docs/CHECKS.md): 20 clients × 15 s against a server on this file's database. */
describe('mixed load (quick)', () => {
  it('answers every request of 20 clients browsing, ordering and moving orders for 15 s with a 2xx', async () => {
    const r = await runLoad({
      clients: 20,
      seconds: 15,
      databaseUrl: t.url,
      world: { buildings: 3, householdsPerBuilding: 4, usersPerRole: 5, orders: 60 },
      log: () => undefined,
    });
    expect(r.errorSamples).toEqual([]);
    expect(r.errors).toBe(0);
    // every kind was asked at least once (client c starts at step c, so the first ten clients cover every step)
    expect(r.kinds.map((k) => k.kind)).toEqual([...LOAD_KINDS]);
    expect(r.kinds.filter((k) => k.n === 0)).toEqual([]);
    expect(r.serverPeakMiB).toBeGreaterThan(0);
  }, 300_000);
});
