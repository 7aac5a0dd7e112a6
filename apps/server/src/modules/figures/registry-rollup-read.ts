import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { registryFigureCells, registryFigureMarks, registryRollupState, registryTagCells, visitDueCells } from '../../db/schema/index.js';
import type { LevelKey, ReportTarget } from '../reports/providers/types.js';
import { intervalRules } from '../visits/intervals.js';
import { loadTagSettings } from '../visits/repo.js';
import { type Pairs, type RowFilter, dueCellRows, inCommunities, inPairs, registryCellRows, tagCellRows } from './registry-cells.js';
import { rulesKey } from './registry-rollup.js';

/** What a rollup read is asked: the area at its level, the level compared and the day overdue is judged on. */
export type RollupTarget = Pick<ReportTarget, 'area' | 'level' | 'childLevel' | 'asOf'>;

/** A row of the registry figure as registrySql gives it (reports/providers/registry.ts). */
export type RegistryRow = { k: 'r' | 'h' | 'b' | 't'; g: string | null; tag: string | null; a: number; b: number; c: number };

export type OverdueCounts = { total: number; byGrid: { gridId: string | null; count: number }[] };

const CELL_COLUMNS: Partial<Record<LevelKey, string>> = {
  districtId: 'district_id',
  streetId: 'street_id',
  communityId: 'community_id',
  gridId: 'grid_id',
};
const column = (level: LevelKey | null) => (level ? CELL_COLUMNS[level] : undefined);
const readsCells = (t: RollupTarget) => column(t.level) !== undefined && (t.childLevel === null || column(t.childLevel) !== undefined);

/**
 * In the read's snapshot: the marked (community, grid) pairs, or null when the rollups were never built (or with
 * other default intervals than this code's), so the read scans.
 */
async function marksOf(tx: Tx): Promise<Pairs | null> {
  const { rows } = await tx.execute<{ key: string; c: string | null; g: string | null }>(sql`
    SELECT s.rules_key AS key, m.c, m.g FROM ${registryRollupState} s
    LEFT JOIN (SELECT DISTINCT community_id AS c, grid_id AS g FROM ${registryFigureMarks}) m ON true
    WHERE s.name = 'registry'`);
  if (rows[0]?.key !== rulesKey(intervalRules(new Map()))) return null;
  const marked = rows.flatMap((r) => (r.c === null ? [] : [{ c: r.c, g: r.g }]));
  return { communities: marked.map((r) => r.c), grids: marked.map((r) => r.g) };
}

/** The stored cells of the area, those of marked pairs left out (read from the registry instead). */
function storedCells(
  table: typeof registryFigureCells | typeof registryTagCells | typeof visitDueCells,
  t: RollupTarget,
  marks: Pairs,
  extra = sql``,
) {
  const unmarked =
    marks.communities.length === 0
      ? sql``
      : sql`AND NOT EXISTS (SELECT 1 FROM unnest(${sql.param(marks.communities)}::uuid[], ${sql.param(marks.grids)}::uuid[]) AS m(c, g)
          WHERE m.c = s.community_id AND m.g IS NOT DISTINCT FROM s.grid_id)`;
  return sql`FROM ${table} s WHERE s.${sql.identifier(column(t.level)!)} = ${t.area.id}::uuid ${extra} ${unmarked}`;
}

/** The registry rows of marked pairs inside the area. */
const markedRows =
  (t: RollupTarget, marks: Pairs, rows = inPairs(marks)): RowFilter =>
  (table) =>
    sql`${rows(table)} AND ${table}.${sql.identifier(column(t.level)!)} = ${t.area.id}::uuid`;

function registryReadSql(t: RollupTarget, marks: Pairs, buildings: SQL): SQL {
  const fresh = marks.communities.length > 0 ? markedRows(t, marks) : null;
  const child = t.childLevel ? sql`x.${sql.identifier(column(t.childLevel)!)}::text` : sql`null::text`;
  return sql`
    WITH x AS (
      SELECT s.district_id, s.street_id, s.community_id, s.grid_id, s.residents, s.floating, s.tagged_residents, s.households,
        s.tagged_households ${storedCells(registryFigureCells, t, marks)}
      ${fresh ? sql`UNION ALL ${registryCellRows(fresh)}` : sql``}),
    tg AS (
      SELECT s.tag, s.n ${storedCells(registryTagCells, t, marks)}
      ${fresh ? sql`UNION ALL SELECT tag, n FROM (${tagCellRows(fresh)}) f` : sql``})
    SELECT 'r' AS k, ${child} AS g, null::text AS tag, sum(x.residents)::int AS a, sum(x.floating)::int AS b,
      sum(x.tagged_residents)::int AS c FROM x GROUP BY 2 HAVING sum(x.residents) > 0
    UNION ALL SELECT 'h', ${child}, null, sum(x.households)::int, 0, sum(x.tagged_households)::int FROM x GROUP BY 2
      HAVING sum(x.households) > 0
    UNION ALL (${buildings})
    UNION ALL SELECT 't', null, tg.tag, sum(tg.n)::int, 0, 0 FROM tg GROUP BY tg.tag`;
}

const SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

/**
 * The registry figure of the area from the rollups, in one snapshot: stored cells, and the cells the triggers
 * marked since the job last ran computed from the registry (never written here); `buildings` (mapped buildings,
 * a small read) always from the map. Not built yet (or a level the cells do not carry): `scan`. Exact either way.
 */
export async function readRegistryRows(db: Db, t: RollupTarget, q: { scan: SQL; buildings: SQL }): Promise<RegistryRow[]> {
  if (!readsCells(t)) return (await db.execute<RegistryRow>(q.scan)).rows;
  return db.transaction(async (tx) => {
    const marks = await marksOf(tx);
    return (await tx.execute<RegistryRow>(marks ? registryReadSql(t, marks, q.buildings) : q.scan)).rows;
  }, SNAPSHOT);
}

/**
 * Households overdue for a visit on `t.asOf`, in total and per grid: the households due before that day, from the
 * due cells, and for marked pairs from the registry by the same rule; `scan` (the visits module's overdue query)
 * when the rollups are not built. Runs in one snapshot.
 */
export async function readOverdue(db: Db, t: RollupTarget, scan: (tx: Tx) => Promise<OverdueCounts>): Promise<OverdueCounts> {
  if (!readsCells(t)) return db.transaction(scan);
  return db.transaction(async (tx) => {
    const marks = await marksOf(tx);
    if (!marks) return scan(tx);
    const before = sql`${t.asOf}::date`;
    let freshSql = sql``;
    if (marks.communities.length > 0) {
      await tx.execute(sql`SET LOCAL jit = off`);
      const rules = intervalRules(await loadTagSettings(tx));
      const due = dueCellRows(markedRows(t, marks), markedRows(t, marks, inCommunities(marks)), rules);
      freshSql = sql`UNION ALL SELECT f.grid_id, f.households FROM (${due}) f WHERE f.due_on < ${before}`;
    }
    const { rows } = await tx.execute<{ g: string | null; n: number }>(sql`
      SELECT x.grid_id::text AS g, sum(x.households)::int AS n FROM (
        SELECT s.grid_id, s.households ${storedCells(visitDueCells, t, marks, sql`AND s.due_on < ${before}`)}
        ${freshSql}) x
      GROUP BY 1`);
    return { total: rows.reduce((s, r) => s + r.n, 0), byGrid: rows.map((r) => ({ gridId: r.g, count: r.n })) };
  }, SNAPSHOT);
}
