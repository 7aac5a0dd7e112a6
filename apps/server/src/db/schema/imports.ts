import type { ImportColumn } from '@linli/contracts';
import { ImportStatus } from '@linli/contracts';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areaNodes } from './areas.js';
import { communityScopeIds } from './columns.js';
import { users } from './users.js';

export const importStatus = pgEnum('import_status', ImportStatus.options as [ImportStatus, ...ImportStatus[]]);

/** A problem as stored: a message key and its parameters, localised when presented. */
export type StoredProblem = { row: number; column: string | null; key: string; params?: Record<string, string | number> };
export type StoredCounts = { created: number; updated: number; unchanged: number };
export type StoredReport = {
  ok: boolean;
  committed: boolean;
  errors: StoredProblem[];
  errorCount: number;
  warnings: StoredProblem[];
  households: StoredCounts;
  residents: StoredCounts;
  skippedRows: number[];
  missingFlats: number;
};

/** One uploaded register (户籍登记表) and its dry runs and commit; the file lives under `<dataDir>/imports`. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...communityScopeIds(() => areaNodes.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    /** the name under `<dataDir>/imports` */
    storedName: text('stored_name').notNull(),
    fileSize: integer('file_size').notNull(),
    sha256: text('sha256').notNull(),
    status: importStatus('status').notNull().default('uploaded'),
    /** the row holding the column headers (a title row may come first) */
    headerRow: integer('header_row').notNull().default(1),
    rowCount: integer('row_count').notNull(),
    /** the sheet's columns with the current mapping (automatic, then the user's) */
    columns: jsonb('columns').$type<ImportColumn[]>().notNull(),
    options: jsonb('options').$type<{ createMissingFlats: boolean; onlyValidRows: boolean }>().notNull().default({
      createMissingFlats: false,
      onlyValidRows: false,
    }),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total').notNull().default(0),
    report: jsonb('report').$type<StoredReport>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** who started the current run (its audit actor when another server takes the run over) */
    runBy: uuid('run_by').references(() => users.id, { onDelete: 'set null' }),
    /** the server running it (checking, importing) and until when its claim holds unless renewed */
    claimedBy: text('claimed_by'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** how many times the current run was claimed: a run that keeps losing its server is given up */
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('import_jobs_community_idx').on(t.communityId, t.createdAt)],
);
