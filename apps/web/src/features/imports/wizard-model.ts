import type { ImportDto, ImportProblem } from '@linli/contracts';

/** 0 upload · 1 map the columns · 2 dry run and its report · 3 the import itself. */
export type WizardStep = 0 | 1 | 2 | 3;

/** Where the wizard stands follows from the import's status; `remapping` sends a checked import back to step 1. */
export function wizardStep(dto: Pick<ImportDto, 'status' | 'report'> | undefined, remapping: boolean): WizardStep {
  if (!dto) return 0;
  if (remapping) return 1;
  switch (dto.status) {
    case 'uploaded':
      return 1;
    case 'checking':
    case 'checked':
      return 2;
    case 'importing':
    case 'done':
      return 3;
    case 'failed':
      return dto.report?.committed === false ? 2 : 3;
  }
}

/** Percent for a progress bar; nothing to do yet counts as 0. */
export function percent(progress: { done: number; total: number }): number {
  return progress.total > 0 ? Math.min(100, Math.floor((progress.done / progress.total) * 100)) : 0;
}

/** Problems whose row number, column or text contain the filter (case-insensitive). */
export function filterProblems(problems: readonly ImportProblem[], filter: string): ImportProblem[] {
  const f = filter.trim().toLowerCase();
  if (!f) return [...problems];
  return problems.filter((p) => String(p.row) === f || (p.column ?? '').toLowerCase().includes(f) || p.problem.toLowerCase().includes(f));
}

/** A commit may start when the dry run found nothing, or when the user accepts skipping the bad rows. */
export function canCommit(dto: Pick<ImportDto, 'status' | 'report' | 'abilities'>, onlyValidRows: boolean): boolean {
  if (dto.status !== 'checked' || !dto.report || !dto.abilities.canCommit) return false;
  return dto.report.errorCount === 0 || onlyValidRows;
}
