import type { PassThrough } from 'node:stream';
import { type Locale, localDate } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import type { Pii } from '../../core/pii.js';
import type { Db } from '../../db/pool.js';
import { presentHouseholdItem, presentResidentItem } from '../registry/presenter.js';
import { loadHouseholds, loadResidentsByIds } from '../registry/repo.js';
import { type HouseholdFilter, type ResidentFilter, householdIdsQuery, residentIdsQuery } from '../registry/repo-search.js';
import { householdColumns, householdHeaders, residentColumns, residentHeaders } from './columns.js';
import { EXPORT_MESSAGES } from './messages.js';
import { cursorBatches } from './repo-cursor.js';
import { streamWorkbook } from './xlsx-stream.js';

const BATCH = 1000;

/** Who exports, in which language, and what runs once the rows are counted (the audit row). */
export type WorkbookEnv = { db: Db; actor: Actor; locale: Locale; onRows: (rows: number) => Promise<void> };

/** Every resident matching a registry filter, in address order, as a streamed .xlsx with ID numbers and phones masked. */
export function residentsWorkbook(env: WorkbookEnv & { pii: Pii }, filter: ResidentFilter): PassThrough {
  const deps = { actor: env.actor, pii: env.pii, today: localDate() };
  return streamWorkbook({
    sheetName: EXPORT_MESSAGES.residentsSheet()[env.locale],
    ...residentHeaders(env.locale),
    batches: cursorBatches(env.db, residentIdsQuery(env.db, filter), BATCH, async (tx, ids) =>
      (await loadResidentsByIds(tx, ids)).map((r) => residentColumns(presentResidentItem(deps, r), env.locale)),
    ),
    onRows: env.onRows,
  });
}

/** Every household matching a registry filter, in address order, as a streamed .xlsx. */
export function householdsWorkbook(env: WorkbookEnv, filter: HouseholdFilter): PassThrough {
  return streamWorkbook({
    sheetName: EXPORT_MESSAGES.householdsSheet()[env.locale],
    ...householdHeaders(env.locale),
    batches: cursorBatches(env.db, householdIdsQuery(env.db, filter), BATCH, async (tx, ids) =>
      (await loadHouseholds(tx, ids)).map((h) => householdColumns(presentHouseholdItem(h), env.locale)),
    ),
    onRows: env.onRows,
  });
}
