import type { CommitImportInput, ImportDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { type ImportSetup, startImportRun } from '../job-run.js';

/** POST /api/imports/:id/commit: imports in the background, all or nothing in one transaction (or the valid rows with onlyValidRows). */
export function commitImport({ ctx, input }: VerbArgs<CommitImportInput & { id: string; setup: ImportSetup }>): Promise<ImportDto> {
  return startImportRun({ ctx, input: { ...input, commit: true } });
}
