import type { ImportColumn, ImportField } from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import { type Ctx, inTx } from '../../core/context.js';
import type { Db, Tx } from '../../db/pool.js';
import { mappingProblems } from './header-map.js';
import { fileProblemReport } from './job-state.js';
import { createPlaceResolver } from './places.js';
import { type PlannedHousehold, countPlan, planHouseholds } from './plan.js';
import type { CommunityRow } from './reference.js';
import { type HouseholdGroup, createCellPicker, crossRowIssues, groupHouseholds } from './register.js';
import { type StoredProblem, type StoredReport, lockCommunityImports } from './repo.js';
import { loadReference, loadResidents, loadTagLookup } from './repo-reference.js';
import { writePlan } from './repo-write.js';
import { type ParsedRow, type RowIssue, parseRow } from './row-rules.js';
import type { XlsxLimits } from './xlsx-guard.js';
import { readSheetRows } from './xlsx-read.js';

export type PipelineOptions = { commit: boolean; createMissingFlats: boolean; onlyValidRows: boolean };
export type PipelineEnv = {
  /** who imports (the CLI's has no actor), with the database and the PII key */
  ctx: Ctx;
  community: CommunityRow;
  file: string;
  fileName: string;
  importId?: string;
  headerRow: number;
  /** the columns with the mapping applied */
  columns: ImportColumn[];
  limits: XlsxLimits;
  options: PipelineOptions;
  /** rows checked, then (commit) residents written; total is rowCount (dry run) or twice it (commit) */
  onProgress?: (done: number, total: number) => Promise<void>;
};

const MAX_LISTED = { errors: 1000, warnings: 200 };
const PROGRESS_EVERY = 500;

type Parsed = { rows: ParsedRow[]; groups: HouseholdGroup[]; issues: Map<number, RowIssue[]> };

async function parseFile(env: PipelineEnv, total: number): Promise<Parsed> {
  const lookup = await loadTagLookup(env.ctx.db, env.community.id);
  const pick = createCellPicker(env.columns);
  const rows: ParsedRow[] = [];
  const issues = new Map<number, RowIssue[]>();
  for await (const r of readSheetRows(env.file, env.limits.maxRows)) {
    if (r.number <= env.headerRow) continue;
    const { parsed, issues: found } = parseRow(r.number, pick(r.cells), { tag: lookup });
    rows.push(parsed);
    if (found.length) issues.set(r.number, found);
    if (rows.length % PROGRESS_EVERY === 0) await env.onProgress?.(rows.length, total);
  }
  const groups = groupHouseholds(rows);
  for (const [row, more] of crossRowIssues(groups, rows)) issues.set(row, [...(issues.get(row) ?? []), ...more]);
  return { rows, groups, issues };
}

/** Resolves places, matches households and residents against the database; adds its problems to `issues`. */
async function check(db: Db | Tx, env: PipelineEnv, parsed: Parsed) {
  const ref = await loadReference(db, env.community);
  const resolver = createPlaceResolver(ref, env.options.createMissingFlats);
  const placed = [];
  for (const group of parsed.groups) {
    const place = resolver.resolve(group);
    if ('key' in place) for (const r of group.rows) parsed.issues.set(r.row, [...(parsed.issues.get(r.row) ?? []), place]);
    else placed.push({ group, place });
  }
  const hashes = new Map(
    parsed.rows.flatMap((r) => (r.person.idNumber ? [[r.row, env.ctx.pii.lookupHash(r.person.idNumber)] as const] : [])),
  );
  const flatIds = new Set(placed.map((p) => p.place.flat.id));
  const householdIds = ref.households.filter((h) => flatIds.has(h.flatId)).map((h) => h.id);
  const existing = await loadResidents(db, env.ctx.pii, [...new Set(hashes.values())], householdIds);
  const hashOf = (r: ParsedRow) => hashes.get(r.row) ?? null;
  const plan = planHouseholds({ ref, groups: placed, existing, hashOf, issues: parsed.issues });
  return { ref, plan, createdFlats: new Set(plan.filter((h) => h.place.isNew).map((h) => h.place.flat.id)).size };
}

function buildReport(env: PipelineEnv, parsed: Parsed, plan: PlannedHousehold[], missingFlats: number): StoredReport {
  const header = new Map<ImportField, string>(env.columns.flatMap((c) => (c.field ? [[c.field, c.header] as const] : [])));
  const stored = (row: number, i: RowIssue): StoredProblem => ({
    row,
    column: i.field ? (header.get(i.field) ?? null) : null,
    key: i.key,
    ...(i.params ? { params: i.params } : {}),
  });
  const all = [...parsed.issues].sort(([a], [b]) => a - b).flatMap(([row, list]) => list.map((i) => ({ row, i })));
  const errors = all.filter((x) => !x.i.warning);
  const errorRows = [...new Set(errors.map((x) => x.row))];
  return {
    ok: errors.length === 0,
    committed: false,
    errors: errors.slice(0, MAX_LISTED.errors).map((x) => stored(x.row, x.i)),
    errorCount: errors.length,
    warnings: all
      .filter((x) => x.i.warning)
      .slice(0, MAX_LISTED.warnings)
      .map((x) => stored(x.row, x.i)),
    ...countPlan(plan),
    skippedRows: env.options.commit && env.options.onlyValidRows ? errorRows : [],
    missingFlats,
  };
}

const fileProblem = (env: PipelineEnv, key: StoredProblem['key'], params?: StoredProblem['params']) =>
  fileProblemReport(env.headerRow, key, params);

/**
 * Reads, checks and (when `commit`) writes a register: one transaction under a per-community lock; with any error
 * nothing is written unless onlyValidRows, then the valid rows are. Shared by the API's background runs and the CLI.
 */
export async function runPipeline(env: PipelineEnv, rowCount: number): Promise<StoredReport> {
  const { missing } = mappingProblems(env.columns);
  if (missing.length) return fileProblem(env, 'missingColumn', { field: missing[0]! });
  const total = env.options.commit ? rowCount * 2 : rowCount;
  const parsed = await parseFile(env, total);
  if (parsed.rows.length === 0) return fileProblem(env, 'emptySheet');
  if (!env.options.commit) {
    const { plan, createdFlats } = await check(env.ctx.db, env, parsed);
    return buildReport(env, parsed, plan, createdFlats);
  }
  return inTx(env.ctx, async (tctx) => {
    await lockCommunityImports(tctx.tx, env.community.id);
    const { ref, plan, createdFlats } = await check(tctx.tx, env, parsed);
    const report = buildReport(env, parsed, plan, createdFlats);
    const refused = !report.ok && !env.options.onlyValidRows;
    if (!refused) {
      let written = 0;
      const onProgress = (n: number) => {
        written += n;
        void env.onProgress?.(parsed.rows.length + written, total);
      };
      await writePlan({ tctx, ref, onProgress }, plan);
    }
    await writeAudit(tctx, {
      action: 'registry.import',
      entityType: 'import',
      entityId: env.importId,
      outcome: refused ? 'failed' : 'ok',
      actorName: env.ctx.actor ? undefined : 'cli',
      streetId: env.community.streetId,
      communityId: env.community.id,
      details: refused
        ? { fileName: env.fileName, errors: report.errorCount }
        : {
            fileName: env.fileName,
            households: report.households,
            residents: report.residents,
            skippedRows: report.skippedRows.length,
            createdFlats,
          },
    });
    if (refused) return report;
    return { ...report, committed: true };
  });
}
