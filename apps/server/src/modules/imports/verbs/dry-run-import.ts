import type { DryRunImportInput, ImportDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { type ImportSetup, startImportRun } from '../job-run.js';

/** POST /api/imports/:id/dry-run: checks the register row by row in the background; the report lists every problem, nothing is written. */
export function dryRunImport({ ctx, input }: VerbArgs<DryRunImportInput & { id: string; setup: ImportSetup }>): Promise<ImportDto> {
  return startImportRun({ ctx, input: { ...input, commit: false } });
}
