import type { ImportDto, ImportReport, ImportSummary, Locale } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { isRunningStatus } from './job-state.js';
import { problemText } from './messages.js';
import { canImportInto } from './policy.js';
import type { ImportJobRow, StoredProblem, StoredReport } from './repo.js';

const word = (p: StoredProblem, locale: Locale) => ({ row: p.row, column: p.column, problem: problemText(p.key, p.params, locale) });

/** A stored report worded in the user's language. */
export function presentReport(r: StoredReport, locale: Locale): ImportReport {
  return { ...r, errors: r.errors.map((p) => word(p, locale)), warnings: r.warnings.map((p) => word(p, locale)) };
}

/** The exact `--json` shape of the CLI. */
export function presentSummary(r: StoredReport, locale: Locale): ImportSummary {
  const { ok, errors, households, residents } = presentReport(r, locale);
  return { ok, errors, households, residents };
}

export function presentImport(actor: Actor, job: ImportJobRow, locale: Locale): ImportDto {
  const scope = { districtId: job.districtId, streetId: job.streetId, communityId: job.communityId };
  return {
    id: job.id,
    communityId: job.communityId,
    status: job.status,
    fileName: job.fileName,
    rowCount: job.rowCount,
    columns: job.columns,
    progress: { done: job.progressDone, total: job.progressTotal },
    report: job.report ? presentReport(job.report, locale) : null,
    createdAt: job.createdAt.toISOString(),
    abilities: { canCommit: canImportInto(actor, scope) && !isRunningStatus(job.status) },
  };
}
