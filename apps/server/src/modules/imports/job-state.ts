import type { ImportStatus } from '@linli/contracts';
import type { StoredProblem, StoredReport } from './repo.js';

/** A background run is under way (or its server died during it). */
export const RUNNING_STATUSES: readonly ImportStatus[] = ['checking', 'importing'];
/** Not finished: the job still needs its uploaded file. */
export const OPEN_STATUSES: readonly ImportStatus[] = ['uploaded', 'checking', 'checked', 'importing'];

export const isRunningStatus = (status: ImportStatus) => RUNNING_STATUSES.includes(status);

/** A report holding one problem of the whole file (reported at its header row); nothing was written. */
export function fileProblemReport(headerRow: number, key: string, params?: StoredProblem['params']): StoredReport {
  const zero = { created: 0, updated: 0, unchanged: 0 };
  return {
    ok: false,
    committed: false,
    errors: [{ row: headerRow, column: null, key, ...(params ? { params } : {}) }],
    errorCount: 1,
    warnings: [],
    households: zero,
    residents: zero,
    skippedRows: [],
    missingFlats: 0,
  };
}
