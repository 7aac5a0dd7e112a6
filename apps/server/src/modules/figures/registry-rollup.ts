import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import {
  households,
  registryFigureCells,
  registryFigureMarks,
  registryRollupState,
  registryTagCells,
  residents,
  visitDueCells,
} from '../../db/schema/index.js';
import { type IntervalRules, intervalRules } from '../visits/intervals.js';
import { loadTagSettings } from '../visits/repo.js';
import { type Pairs, dueCellRows, inCommunities, inPairs, registryCellRows, tagCellRows } from './registry-cells.js';

export const REGISTRY_ROLLUP_JOB = 'registry-rollup';
const STATE = 'registry';
/** Marks read per step: the first build marks every (community, grid) once, about 1,000 at district scale. */
const MARKS_PER_STEP = 2_000;

/** The default visit intervals (code, not data) the due cells were built with: other defaults mean a rebuild. */
export const rulesKey = (rules: IntervalRules): string => JSON.stringify(Object.entries(rules.d).sort(([a], [b]) => a.localeCompare(b)));

/** Runs `fn` in a transaction holding the registry rollups' advisory lock; null when another refresher holds it. */
async function withRegistryLock<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    const r = await tx.execute<{ locked: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtext('linli.figures.registry')) AS locked`);
    return r.rows[0]?.locked ? fn(tx) : null;
  });
}

/** First time (or new default intervals): empties the cells and marks every (community, grid) of the registry. */
async function ensureBuilt(tx: Tx, key: string): Promise<boolean> {
  const { rows } = await tx.execute<{ key: string }>(sql`SELECT rules_key AS key FROM ${registryRollupState} WHERE name = ${STATE}`);
  if (rows[0]?.key === key) return false;
  for (const table of [registryFigureCells, registryTagCells, visitDueCells]) await tx.delete(table);
  await tx.execute(sql`
    INSERT INTO ${registryFigureMarks} (community_id, grid_id)
    SELECT ${residents.communityId}, ${residents.gridId} FROM ${residents}
    UNION SELECT ${households.communityId}, ${households.gridId} FROM ${households}`);
  await tx
    .insert(registryRollupState)
    .values({ name: STATE, rulesKey: key })
    .onConflictDoUpdate({ target: registryRollupState.name, set: { rulesKey: key } });
  return true;
}

/**
 * Rebuilds the cells of the marked (community, grid) pairs from the registry and deletes exactly the marks it read:
 * the marks are read first and everything else later (statements of this read-committed transaction), so a change
 * committed before the marks were read is in the rebuild, and one committed after leaves a mark for the next step.
 */
async function refreshMarks(tx: Tx, limit: number): Promise<number> {
  const { rows } = await tx.execute<{ id: string; c: string; g: string | null }>(sql`
    SELECT id, community_id AS c, grid_id AS g FROM ${registryFigureMarks} ORDER BY id LIMIT ${limit}`);
  if (rows.length === 0) return 0;
  const unique = new Map(rows.map((r) => [`${r.c} ${r.g}`, r]));
  const pairs: Pairs = { communities: [...unique.values()].map((r) => r.c), grids: [...unique.values()].map((r) => r.g) };
  const rules = intervalRules(await loadTagSettings(tx));
  const [c, g] = [sql.param(pairs.communities), sql.param(pairs.grids)];
  for (const table of [registryFigureCells, registryTagCells, visitDueCells])
    await tx.execute(sql`
      DELETE FROM ${table} t USING unnest(${c}::uuid[], ${g}::uuid[]) AS m(c, g)
      WHERE t.community_id = m.c AND t.grid_id IS NOT DISTINCT FROM m.g`);
  const where = inPairs(pairs);
  const keys = sql`district_id, street_id, community_id, grid_id`;
  await tx.execute(sql`
    INSERT INTO ${registryFigureCells} (${keys}, residents, floating, tagged_residents, households, tagged_households)
    ${registryCellRows(where)}`);
  await tx.execute(sql`INSERT INTO ${registryTagCells} (${keys}, tag, n) ${tagCellRows(where)}`);
  await tx.execute(sql`SET LOCAL jit = off`);
  await tx.execute(sql`INSERT INTO ${visitDueCells} (${keys}, due_on, households) ${dueCellRows(where, inCommunities(pairs), rules)}`);
  await tx.execute(sql`DELETE FROM ${registryFigureMarks} WHERE id = ANY(${sql.param(rows.map((r) => r.id))}::bigint[])`);
  return unique.size;
}

export type RegistryRollupResult = { built: boolean; cells: number; more: boolean } | { skipped: 'locked' };

/**
 * Keeps the registry rollups current: builds them the first time (and when the default visit intervals changed),
 * then rebuilds the (community, grid) cells the triggers marked, a step of one transaction each, until none is left
 * or `budgetMs` is spent.
 */
export async function runRegistryRollupPass(db: Db, budgetMs = 20_000): Promise<RegistryRollupResult> {
  const started = Date.now();
  const key = rulesKey(intervalRules(new Map()));
  let built = false;
  let cells = 0;
  for (;;) {
    const step = await withRegistryLock(db, async (tx) => {
      const fresh = await ensureBuilt(tx, key);
      return { fresh, cells: await refreshMarks(tx, MARKS_PER_STEP) };
    });
    if (!step) return { skipped: 'locked' };
    built ||= step.fresh;
    cells += step.cells;
    const more = step.cells > 0;
    if (!more || Date.now() - started > budgetMs) return { built, cells, more };
  }
}
