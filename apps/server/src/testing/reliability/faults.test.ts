import { describe, expect, it } from 'vitest';
import { runFaults } from './run-faults.js';

/**
 * The quick version of `npm run check:faults` (docs/CHECKS.md): the server on an external PostgreSQL this test runs,
 * 6 clients, 1.5 s phases. The bundled variant (the server restarting its own PostgreSQL) is db/bundled-restart.test.ts.
 */
describe('faults under load (quick)', () => {
  it('keeps every acknowledged order through kill -9, and answers only 2xx or 503 through database faults', async () => {
    const r = await runFaults({
      mode: 'external',
      clients: 6,
      phaseMs: 1500,
      downMs: 1500,
      world: { buildings: 2, householdsPerBuilding: 3, usersPerRole: 2, orders: 20 },
      log: () => undefined,
    });
    const k = r.killServer;
    expect(k.acknowledged).toBeGreaterThan(0);
    expect(k.acknowledgedAfterRestart).toBeGreaterThan(0);
    expect({ lost: k.lost, duplicates: k.duplicates, incomplete: k.incomplete }).toEqual({ lost: [], duplicates: [], incomplete: [] });
    expect(k.unacknowledgedStored + k.unacknowledgedAbsent).toBe(k.sent - k.acknowledged);

    const [terminated, stopped] = r.database;
    for (const d of [terminated!, stopped!]) {
      expect(d.tally.wrong, d.fault).toEqual([]);
      expect(d.serverAlive).toBe(true);
      expect(d.recovery.requestMs, d.fault).not.toBeNull();
      expect(d.recovery.healthMs, d.fault).not.toBeNull();
    }
    expect(stopped!.tally.unavailable).toBeGreaterThan(0);
    expect(stopped!.health).toContainEqual(
      expect.objectContaining({ http: 503, database: 'down', problems: expect.arrayContaining(['database: not answering']) }),
    );
    expect(r.problems).toEqual([]);
  }, 300_000);
});
