import path from 'node:path';
import { Locale } from '@linli/contracts';
import { loadConfig } from '../config.js';
import { systemCtx } from '../core/context.js';
import type { Pii } from '../core/pii.js';
import type { StoredReport } from '../db/schema/index.js';
import { runPipeline } from '../modules/imports/pipeline.js';
import { presentReport, presentSummary } from '../modules/imports/presenter.js';
import { scanHeader } from '../modules/imports/scan.js';
import { rejection } from '../modules/imports/upload.js';
import { DEFAULT_XLSX_LIMITS, XlsxRejected } from '../modules/imports/xlsx-guard.js';
import { piiFromConfig } from '../startup.js';
import { type CliCommand, type CliIo, flagsOrHelp } from './command.js';
import { communityFromFlag } from './community.js';

/** `pii` defaults to the server's keys (LINLI_SECRET_KEY or `<dataDir>/secret.key`). */
export type ImportIo = CliIo & { pii?: Pii };

const FLAGS = ['community', 'dry-run', 'json', 'only-valid', 'create-missing-flats', 'lang', 'help'];
const HELP = `Usage: npm run linli -- import households <file.xlsx> --community <code>
                           [--dry-run] [--json] [--only-valid] [--create-missing-flats] [--lang zh-CN|en]
Imports a household register (户籍登记表) into the community with that area code. Rows with problems are
listed (row as Excel shows it, column, problem); with any problem nothing is imported unless --only-valid.
--dry-run checks without writing. --json prints { ok, errors, households, residents }.
Exit codes: 0 no problems, 1 the file has problems (or was refused), 2 bad arguments.`;

const zero = { created: 0, updated: 0, unchanged: 0 };

function printHuman(io: ImportIo, report: StoredReport, locale: Locale, dryRun: boolean) {
  const r = presentReport(report, locale);
  const c = (x: typeof zero) => `${x.created} created, ${x.updated} updated, ${x.unchanged} unchanged`;
  for (const e of r.errors) io.log(`row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.problem}`);
  if (r.errorCount > r.errors.length) io.log(`… ${r.errorCount - r.errors.length} more problems`);
  if (r.warnings.length) io.log(`${r.warnings.length} values were normalised (full-width characters, 15-digit IDs)`);
  const verb = report.committed ? 'Imported' : dryRun ? 'Dry run' : 'Nothing imported';
  io.log(`${verb}: households ${c(r.households)}; residents ${c(r.residents)}${r.missingFlats ? `; ${r.missingFlats} new flats` : ''}`);
  if (r.skippedRows.length) io.log(`Skipped rows: ${r.skippedRows.join(', ')}`);
}

/** `import households <file>`: the same checks and writes as the web import, in the foreground. */
export async function importCommand(args: string[], io: ImportIo): Promise<number> {
  const parsed = flagsOrHelp(args, io, HELP);
  if (!parsed) return 0;
  const { flags, rest } = parsed;
  const unknown = Object.keys(flags).filter((f) => !FLAGS.includes(f));
  const [kind, file, ...extra] = rest;
  const locale = Locale.catch('zh-CN').parse(flags.lang);
  if (unknown.length || extra.length || kind !== 'households' || !file || typeof flags.community !== 'string') {
    io.log(`${unknown.length ? `Unknown option: --${unknown.join(' --')}\n\n` : ''}${HELP}`);
    return 2;
  }
  const community = await communityFromFlag(io, flags.community);
  if (!community) return 2;
  const limits = DEFAULT_XLSX_LIMITS;
  const fullPath = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  const json = flags.json === true;
  const refused = (e: unknown) => {
    const problem = rejection(e instanceof XlsxRejected ? e : new XlsxRejected('corrupt'), limits, locale).message;
    io.log(json ? JSON.stringify({ ok: false, errors: [{ row: 0, column: null, problem }], households: zero, residents: zero }) : problem);
    return 1;
  };
  let scan;
  try {
    scan = await scanHeader(fullPath, limits);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      io.log(`No such file: ${fullPath}`);
      return 2;
    }
    return refused(e);
  }
  const dryRun = flags['dry-run'] === true;
  let report;
  try {
    // the pipeline reads the whole sheet (the scan read its top only); no progress is shown in the foreground
    report = await runPipeline(
      {
        ctx: systemCtx(io.db, io.pii ?? piiFromConfig(loadConfig())),
        community,
        file: fullPath,
        fileName: path.basename(fullPath),
        headerRow: scan.headerRow,
        columns: scan.columns,
        limits,
        options: {
          commit: !dryRun,
          onlyValidRows: flags['only-valid'] === true,
          createMissingFlats: flags['create-missing-flats'] === true,
        },
      },
      0,
    );
  } catch (e) {
    if (e instanceof XlsxRejected) return refused(e);
    throw e;
  }
  if (json) io.log(JSON.stringify(presentSummary(report, locale)));
  else printHuman(io, report, locale, dryRun);
  return report.ok ? 0 : 1;
}

export const importCli: CliCommand = {
  name: 'import',
  summary: 'Import a household register (.xlsx): import households <file> --community <code> [--dry-run] [--json]',
  run: (args, io) => importCommand(args, io),
};
