import fs from 'node:fs';
import path from 'node:path';
import type { CommitImportInput, DryRunImportInput, ImportDto, Locale } from '@linli/contracts';
import { z } from 'zod';
import { type Actor, assignmentsWith, hasAbility } from '../../core/actor.js';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden, invalid, notFound } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import type { StoredReport } from '../../db/schema/index.js';
import { applyMapping, mappingProblems } from './header-map.js';
import { FILE_MESSAGES } from './messages.js';
import { type CommunityScope, canImportInto, seesCommunity } from './policy.js';
import { presentImport } from './presenter.js';
import { type ImportJobRow, findCommunity, findJob, insertJob, setProgress, updateJob } from './repo.js';
import { runPipeline } from './pipeline.js';
import type { Runner } from './runner.js';
import { scanUpload } from './scan.js';
import type { Upload } from './upload.js';
import { XlsxRejected, type XlsxLimits } from './xlsx-guard.js';

export type ImportDeps = { pii?: Pii; dataDir: string; limits: XlsxLimits; runner: Runner; log: (e: unknown) => void };
export const importsDir = (dataDir: string) => path.join(dataDir, 'imports');

/** Import scope: without registry.write 403; a community the actor has nothing to do with 404; below community level 403. */
function authorise(actor: Actor, scope: CommunityScope): void {
  if (!hasAbility(actor, 'registry.write')) throw forbidden();
  if (!seesCommunity(actor, scope)) throw notFound();
  if (!canImportInto(actor, scope)) throw forbidden();
}
const scopeOf = (row: { districtId: string; streetId: string; communityId: string }): CommunityScope => ({
  districtId: row.districtId,
  streetId: row.streetId,
  communityId: row.communityId,
});

/** Without a communityId: the community of the actor's one community-level registry.write assignment, if that is all. */
function onlyCommunity(actor: Actor): string | undefined {
  const held = assignmentsWith(actor, 'registry.write').filter((a) => a.areaKind === 'community');
  return held.length === 1 && actor.assignments.length === 1 ? (held[0]!.areaId ?? undefined) : undefined;
}

/** A refused file as a 400 in the user's language. */
export function rejection(e: XlsxRejected, limits: XlsxLimits, locale: Locale): AppError {
  const text = e.reason === 'tooManyRows' ? FILE_MESSAGES.tooManyRows(limits.maxRows) : FILE_MESSAGES[e.reason]();
  return new AppError('VALIDATION', text[locale], { reason: e.reason, issues: [{ path: 'file', message: text[locale] }] });
}

/** Stores an uploaded register: checks it is a sane .xlsx, finds its header row and columns, maps them; nothing else changes. */
export async function createImport({ ctx, deps, upload }: { ctx: AuthedCtx; deps: ImportDeps; upload: Upload }): Promise<ImportDto> {
  try {
    const communityId = z.uuid().safeParse(upload.fields.communityId ?? onlyCommunity(ctx.actor));
    const message = FILE_MESSAGES.communityOnly()[ctx.locale];
    if (!communityId.success) throw invalid([{ path: 'communityId', message }]);
    const community = await findCommunity(ctx.db, communityId.data);
    if (!community) throw hasAbility(ctx.actor, 'registry.write') ? notFound() : forbidden();
    const scope = scopeOf({ ...community, communityId: community.id });
    authorise(ctx.actor, scope);
    const scan = await scanUpload(upload.path, deps.limits);
    return await ctx.db.transaction(async (tx) => {
      const job = await insertJob(tx, {
        ...scope,
        createdBy: ctx.actor.userId,
        fileName: upload.fileName,
        storedName: path.basename(upload.path),
        fileSize: upload.size,
        sha256: upload.sha256,
        ...scan,
      });
      await writeAudit(tx, ctx, {
        action: 'registry.import_upload',
        entityType: 'import',
        entityId: job.id,
        streetId: scope.streetId,
        communityId: scope.communityId,
        details: { fileName: upload.fileName, bytes: upload.size, rows: scan.rowCount },
      });
      return presentImport(ctx.actor, job, ctx.locale);
    });
  } catch (e) {
    await fs.promises.rm(upload.path, { force: true });
    throw e instanceof XlsxRejected ? rejection(e, deps.limits, ctx.locale) : e;
  }
}

const RUNNING = new Set(['checking', 'importing']);
const STALE_MS = 10 * 60_000;

/** One import job with its progress and report; a run that stopped with its process shows as failed. */
export async function getImport({ ctx, deps, id }: { ctx: AuthedCtx; deps: ImportDeps; id: string }): Promise<ImportDto> {
  let job = await findJob(ctx.db, id);
  if (!job) throw hasAbility(ctx.actor, 'registry.write') ? notFound() : forbidden();
  authorise(ctx.actor, scopeOf(job));
  if (RUNNING.has(job.status) && !deps.runner.isRunning(id) && Date.now() - job.updatedAt.getTime() > STALE_MS)
    job = await updateJob(ctx.db, id, { status: 'failed', report: failureReport(job, 'interrupted'), finishedAt: new Date() });
  return presentImport(ctx.actor, job, ctx.locale);
}

function failureReport(job: ImportJobRow, key: string): StoredReport {
  const zero = { created: 0, updated: 0, unchanged: 0 };
  return {
    ok: false,
    committed: false,
    errors: [{ row: job.headerRow, column: null, key }],
    errorCount: 1,
    warnings: [],
    households: zero,
    residents: zero,
    skippedRows: [],
    missingFlats: 0,
  };
}

type RunInput = DryRunImportInput & Partial<Pick<CommitImportInput, 'onlyValidRows'>>;

async function startRun(ctx: AuthedCtx, deps: ImportDeps, id: string, input: RunInput, commit: boolean): Promise<ImportDto> {
  const { pii } = deps;
  if (!pii) throw new AppError('UNAVAILABLE');
  const job = await ctx.db.transaction(async (tx) => {
    const row = await findJob(tx, id, true);
    if (!row) throw hasAbility(ctx.actor, 'registry.write') ? notFound() : forbidden();
    authorise(ctx.actor, scopeOf(row));
    if (RUNNING.has(row.status) && deps.runner.isRunning(id)) throw new AppError('INVALID_TRANSITION', FILE_MESSAGES.busy()[ctx.locale]);
    const unknown = Object.keys(input.mapping).filter((k) => !row.columns.some((c) => String(c.index) === k));
    if (unknown.length) throw invalid(unknown.map((k) => ({ path: `mapping.${k}`, message: FILE_MESSAGES.noSuchColumn()[ctx.locale] })));
    const columns = applyMapping(row.columns, input.mapping);
    const { duplicated, missing } = mappingProblems(columns);
    const issues = [
      ...(duplicated.length ? [{ path: 'mapping', message: FILE_MESSAGES.duplicatedFields(duplicated)[ctx.locale] }] : []),
      ...(missing.length ? [{ path: 'mapping', message: FILE_MESSAGES.missingFields(missing)[ctx.locale] }] : []),
    ];
    if (issues.length) throw invalid(issues);
    const options = { createMissingFlats: input.createMissingFlats, onlyValidRows: Boolean(input.onlyValidRows) };
    const total = commit ? row.rowCount * 2 : row.rowCount;
    const status = commit ? ('importing' as const) : ('checking' as const);
    return updateJob(tx, id, { status, columns, options, progressDone: 0, progressTotal: total, report: null, finishedAt: null });
  });
  deps.runner.start(id, () => runJob(ctx, { ...deps, pii }, job, commit));
  return presentImport(ctx.actor, job, ctx.locale);
}

/** The background part: runs the pipeline, then stores the report and the final status; never throws. */
async function runJob(ctx: AuthedCtx, deps: ImportDeps & { pii: Pii }, job: ImportJobRow, commit: boolean): Promise<void> {
  const total = job.progressTotal;
  try {
    const community = await findCommunity(ctx.db, job.communityId);
    const report = await runPipeline(
      {
        db: ctx.db,
        ctx,
        pii: deps.pii,
        community: community!,
        file: path.join(importsDir(deps.dataDir), job.storedName),
        fileName: job.fileName,
        importId: job.id,
        headerRow: job.headerRow,
        columns: job.columns,
        limits: deps.limits,
        options: { commit, ...job.options },
        onProgress: (done) => setProgress(ctx.db, job.id, Math.min(done, total), total).catch(deps.log),
      },
      job.rowCount,
    );
    const status = !commit ? 'checked' : report.committed ? 'done' : 'failed';
    await updateJob(ctx.db, job.id, { status, report, progressDone: total, finishedAt: new Date() });
  } catch (e) {
    if (!(e instanceof XlsxRejected)) deps.log(e);
    const key = e instanceof XlsxRejected ? e.reason : 'failed';
    await updateJob(ctx.db, job.id, { status: 'failed', report: failureReport(job, key), finishedAt: new Date() }).catch(deps.log);
  }
}

/** Starts a dry run in the background: the report lists every problem; nothing is written. */
export function dryRunImport({ ctx, deps, id, input }: { ctx: AuthedCtx; deps: ImportDeps; id: string; input: DryRunImportInput }) {
  return startRun(ctx, deps, id, input, false);
}

/** Starts the commit in the background: all or nothing in one transaction, or the valid rows with onlyValidRows. */
export function commitImport({ ctx, deps, id, input }: { ctx: AuthedCtx; deps: ImportDeps; id: string; input: CommitImportInput }) {
  return startRun(ctx, deps, id, input, true);
}
