import type { ImportDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { importJobFor } from '../access.js';
import type { ImportSetup } from '../job-run.js';
import { fileProblemReport, isRunningStatus } from '../job-state.js';
import { presentImport } from '../presenter.js';
import { updateJob } from '../repo.js';

/** A run whose job has not moved for this long, and that no runner here holds, stopped with its process. */
const STALE_MS = 10 * 60_000;

/** GET /api/imports/:id: one import job with its progress and report; a run that stopped with its process shows as failed. */
export async function getImport({ ctx, input }: VerbArgs<{ id: string; setup: ImportSetup }>): Promise<ImportDto> {
  let job = await importJobFor(ctx.db, ctx.actor, input.id);
  if (isRunningStatus(job.status) && !input.setup.runner.isRunning(job.id) && Date.now() - job.updatedAt.getTime() > STALE_MS) {
    const report = fileProblemReport(job.headerRow, 'interrupted');
    job = await updateJob(ctx.db, job.id, { status: 'failed', report, finishedAt: new Date() });
  }
  return presentImport(ctx.actor, job, ctx.locale);
}
