import type { CommitImportInput, DryRunImportInput, ImportDto } from '@linli/contracts';
import { type AuthedCtx, type VerbArgs, inTx } from '../../core/context.js';
import { AppError, invalid } from '../../core/errors.js';
import { importJobFor } from './access.js';
import { applyMapping, mappingProblems } from './header-map.js';
import { fileProblemReport, isRunningStatus } from './job-state.js';
import { FILE_MESSAGES } from './messages.js';
import { runPipeline } from './pipeline.js';
import { presentImport } from './presenter.js';
import { type ImportJobRow, findCommunity, setProgress, updateJob } from './repo.js';
import type { Runner } from './runner.js';
import { removeStoredFile, storedFileExists, storedPath } from './stored-files.js';
import { XlsxRejected, type XlsxLimits } from './xlsx-guard.js';

/** What the routes hold for the import verbs: the uploads directory, the file limits, this server's runner, the log. */
export type ImportSetup = { dir: string; limits: XlsxLimits; runner: Runner; log: (e: unknown) => void };

export type StartRunInput = DryRunImportInput &
  Partial<Pick<CommitImportInput, 'onlyValidRows'>> & { id: string; commit: boolean; setup: ImportSetup };

/** Checks the mapping and moves the job to checking (dry run) or importing (commit), then runs it in the background. */
export async function startImportRun({ ctx, input }: VerbArgs<StartRunInput>): Promise<ImportDto> {
  const { id, commit, setup } = input;
  const job = await inTx(ctx, async (tctx) => {
    const row = await importJobFor(tctx.tx, ctx.actor, id, true);
    if (isRunningStatus(row.status) && setup.runner.isRunning(id))
      throw new AppError('INVALID_TRANSITION', FILE_MESSAGES.busy()[ctx.locale]);
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
    return updateJob(tctx.tx, id, { status, columns, options, progressDone: 0, progressTotal: total, report: null, finishedAt: null });
  });
  setup.runner.start(id, () => runImportJob(ctx, setup, job, commit));
  return presentImport(ctx.actor, job, ctx.locale);
}

/**
 * The background part: runs the pipeline, stores the report and the final status; never throws (failures are
 * logged). A committed register, or one found unreadable, is removed at once; others stay for a retry until the sweep.
 */
async function runImportJob(ctx: AuthedCtx, setup: ImportSetup, job: ImportJobRow, commit: boolean): Promise<void> {
  const total = job.progressTotal;
  try {
    const community = await findCommunity(ctx.db, job.communityId);
    const report = await runPipeline(
      {
        ctx,
        community: community!,
        file: storedPath(setup.dir, job.storedName),
        fileName: job.fileName,
        importId: job.id,
        headerRow: job.headerRow,
        columns: job.columns,
        limits: setup.limits,
        options: { commit, ...job.options },
        onProgress: (done) => setProgress(ctx.db, job.id, Math.min(done, total), total).catch(setup.log),
      },
      job.rowCount,
    );
    const status = !commit ? 'checked' : report.committed ? 'done' : 'failed';
    if (status === 'done') await removeStoredFile(setup.dir, job.storedName, setup.log);
    await updateJob(ctx.db, job.id, { status, report, progressDone: total, finishedAt: new Date() });
  } catch (e) {
    const unreadable = e instanceof XlsxRejected;
    if (!unreadable) setup.log(e);
    const report = fileProblemReport(job.headerRow, unreadable ? e.reason : 'failed');
    if (unreadable) await removeStoredFile(setup.dir, job.storedName, setup.log);
    await updateJob(ctx.db, job.id, { status: 'failed', report, finishedAt: new Date() }).catch(setup.log);
  }
}
