import type { Db } from '../db/pool.js';
import { extendRollups, refreshMarked, withRollupLock } from '../modules/figures/repo-rollup.js';

export const FIGURE_ROLLUP_JOB = 'figure-rollup';
/** Days added and marked cells refreshed per transaction: a month of a district is about 2,000 cells. */
const DAYS_PER_STEP = 31;
const CELLS_PER_STEP = 5_000;

export type FigureRollupResult = { builtThrough: string | null; cells: number; more: boolean } | { skipped: 'locked' };

/**
 * Keeps the order figure rollups current (modules/figures/repo-rollup.ts): rolls up the days that ended (the first
 * time every day since the oldest order, a month per step) and refreshes the cells whose orders changed. Steps of
 * one transaction each until nothing is left or `budgetMs` is spent; `more` says the next pass has work waiting.
 */
export async function runFigureRollupPass(db: Db, now: Date, budgetMs = 20_000): Promise<FigureRollupResult> {
  const started = Date.now();
  let cells = 0;
  for (;;) {
    const step = await withRollupLock(db, async (tx) => {
      const extended = await extendRollups(tx, now, DAYS_PER_STEP);
      return { ...extended, cells: await refreshMarked(tx, CELLS_PER_STEP) };
    });
    if (!step) return { skipped: 'locked' };
    cells += step.cells;
    const more = step.more || step.cells === CELLS_PER_STEP;
    if (!more || Date.now() - started > budgetMs) return { builtThrough: step.builtThrough, cells, more };
  }
}
