import fs from 'node:fs';
import { startLinli, tempDataDir } from './server-process.js';

/** Fresh start (initdb, migrate, seed) and warm start, each to "ready", on a new data dir. */
export async function benchStartup(rounds = 2): Promise<void> {
  const rows: { round: number; freshS: number; warmS: number }[] = [];
  for (let round = 1; round <= rounds; round++) {
    const dir = tempDataDir();
    try {
      const fresh = await startLinli(dir);
      await fresh.stop();
      const warm = await startLinli(dir);
      await warm.stop();
      rows.push({ round, freshS: fresh.readyMs / 1000, warmS: warm.readyMs / 1000 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('startup: time from process start to "ready" (web app already built)');
  console.table(
    rows.map((r) => ({ round: r.round, 'fresh start (initdb+migrate+seed) s': r.freshS.toFixed(2), 'warm start s': r.warmS.toFixed(2) })),
  );
}
