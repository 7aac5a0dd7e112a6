import type { ImportDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { importJobFor } from '../access.js';
import type { ImportSetup } from '../job-run.js';
import { isRunningStatus } from '../job-state.js';
import { presentImport } from '../presenter.js';
import { claimHolds } from '../repo-claims.js';

/**
 * GET /api/imports/:id: one import job with its progress and report. A run whose server stopped (its claim ran
 * out) is taken over by this server at once rather than at its next poll.
 */
export async function getImport({ ctx, input }: VerbArgs<{ id: string; setup: ImportSetup }>): Promise<ImportDto> {
  const job = await importJobFor(ctx.db, ctx.actor, input.id);
  if (isRunningStatus(job.status) && !claimHolds(job)) void input.setup.runner.poll().catch(input.setup.log);
  return presentImport(ctx.actor, job, ctx.locale);
}
