import type { CommitImportInput, DryRunImportInput, ImportDto } from '@linli/contracts';
import { type Ctx, type VerbArgs, inTx, systemCtx } from '../../core/context.js';
import { AppError, invalid } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import type { Db } from '../../db/pool.js';
import { loadActor } from '../auth/repo.js';
import { importJobFor } from './access.js';
import { applyMapping, mappingProblems } from './header-map.js';
import { fileProblemReport, isRunningStatus } from './job-state.js';
import { FILE_MESSAGES } from './messages.js';
import { runPipeline } from './pipeline.js';
import { presentImport } from './presenter.js';
import { type ImportJobRow, findCommunity, setProgress, updateJob } from './repo.js';
import { claimHolds, claimRun, finishRun } from './repo-claims.js';
import type { Runner } from './runner.js';
import { removeStoredFile, storedFileExists, storedPath } from './stored-files.js';
import { XlsxRejected, type XlsxLimits } from './xlsx-guard.js';

/** What the routes hold for the import verbs: the uploads directory (shared by all servers), the file limits, the runner, the log. */
export type ImportSetup = { dir: string; limits: XlsxLimits; runner: Runner; log: (e: unknown) => void };

/** A run is given up (failed: interrupted) after this many servers claimed it without finishing. */
export const MAX_RUN_ATTEMPTS = 3;

export type StartRunInput = DryRunImportInput &
  Partial<Pick<CommitImportInput, 'onlyValidRows'>> & { id: string; commit: boolean; setup: ImportSetup };

/** Checks the mapping, moves the job to checking (dry run) or importing (commit) and claims the run for this server. */
export async function startImportRun({ ctx, input }: VerbArgs<StartRunInput>): Promise<ImportDto> {
  const { id, commit, setup } = input;
  const job = await inTx(ctx, async (tctx) => {
    const row = await importJobFor(tctx.tx, ctx.actor, id, true);
    if (isRunningStatus(row.status) && claimHolds(row)) throw new AppError('INVALID_TRANSITION', FILE_MESSAGES.busy()[ctx.locale]);
    if (row.status === 'done' || !(await storedFileExists(setup.dir, row.storedName)))
      throw new AppError('INVALID_TRANSITION', FILE_MESSAGES.fileGone()[ctx.locale]);
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
    await updateJob(tctx.tx, id, { status, columns, options, progressDone: 0, progressTotal: total, report: null, finishedAt: null });
    return claimRun(tctx.tx, id, setup.runner, ctx.actor.userId);
  });
  setup.runner.start(job, ctx);
  return presentImport(ctx.actor, job, ctx.locale);
}

/** What a server needs to run an import it claimed. */
export type RunEnv = Omit<ImportSetup, 'runner'> & { db: Db; pii: Pii };

/**
 * Runs a claimed job (dry run when checking, commit when importing): the pipeline, then the report and the final
 * status, written only while this server holds the claim. `ctx` is the request's when this server started the run;
 * a run taken over acts as the user who started it. Never throws (failures are logged and stored). A committed
 * register, or one found unreadable, is removed at once; others stay for a retry until the sweep.
 */
export async function runClaimedJob(env: RunEnv, job: ImportJobRow, runnerId: string, ctx?: Ctx): Promise<void> {
  const total = job.progressTotal;
  const finish = async (patch: Parameters<typeof finishRun>[3]) => {
    if (!(await finishRun(env.db, job.id, runnerId, { ...patch, finishedAt: new Date() })))
      env.log(new Error(`import ${job.id}: another server took the run over; this result was dropped`));
  };
  try {
    if (job.attempts > MAX_RUN_ATTEMPTS) return await finish({ status: 'failed', report: fileProblemReport(job.headerRow, 'interrupted') });
    if (!(await storedFileExists(env.dir, job.storedName)))
      return await finish({ status: 'failed', report: fileProblemReport(job.headerRow, 'fileMissing') });
    const runCtx = ctx ?? systemCtx(env.db, env.pii, job.runBy ? await loadActor(env.db, job.runBy) : null);
    const commit = job.status === 'importing';
    const community = await findCommunity(env.db, job.communityId);
    const report = await runPipeline(
      {
        ctx: runCtx,
        community: community!,
        file: storedPath(env.dir, job.storedName),
        fileName: job.fileName,
        importId: job.id,
        headerRow: job.headerRow,
        columns: job.columns,
        limits: env.limits,
        options: { commit, ...job.options },
        onProgress: (done) => setProgress(env.db, job.id, Math.min(done, total), total).catch(env.log),
      },
      job.rowCount,
    );
    const status = !commit ? 'checked' : report.committed ? 'done' : 'failed';
    if (status === 'done') await removeStoredFile(env.dir, job.storedName, env.log);
    await finish({ status, report, progressDone: total });
  } catch (e) {
    const unreadable = e instanceof XlsxRejected;
    if (!unreadable) env.log(e);
    const report = fileProblemReport(job.headerRow, unreadable ? e.reason : 'failed');
    if (unreadable) await removeStoredFile(env.dir, job.storedName, env.log);
    await finish({ status: 'failed', report }).catch(env.log);
  }
}
