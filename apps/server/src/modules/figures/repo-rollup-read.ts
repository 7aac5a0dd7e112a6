import type { FiguresGroupBy } from '@linli/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/pool.js';
import { orderFigureDays, orderFigureMonths } from '../../db/schema/index.js';
import { type Cell, type CellTable, storedCellColumns } from './repo-cells.js';
import { refreshMarked, rollupState, withRollupLock } from './repo-rollup.js';
import { rollupSpan } from './rollup-span.js';

type Scan = { where: SQL; groupBy: FiguresGroupBy; start: Date; end: Date };
type Options = Scan & { cells: (t: CellTable) => SQL; from: string; to: string };

/** How many marked cells a read refreshes itself before it reads (the job does the rest every minute). */
const READ_REFRESH = 500;

const CELL_GROUP: Partial<Record<FiguresGroupBy, (t: CellTable) => AnyPgColumn>> = {
  service: (t) => t.serviceId,
  category: (t) => t.category,
  handler: (t) => t.handlerOrgId,
  community: (t) => t.communityId,
  street: (t) => t.streetId,
};

/** The rollups and orders SQL of the cells, for rollups that hold every day up to `builtThrough` (clean in the period). */
function cellsSql(o: Options, group: (t: CellTable) => AnyPgColumn, builtThrough: string | null, scanSql: (s: Scan) => SQL): SQL {
  const span = rollupSpan(o.from, o.to, builtThrough);
  const parts: SQL[] = [];
  const read = (t: CellTable, at: AnyPgColumn, range: SQL) => sql`
    SELECT ${group(t)}::text AS g, to_char(${at}, 'YYYY-MM') AS m, ${storedCellColumns(t)}
    FROM ${t} WHERE ${o.cells(t)} AND ${range}
    GROUP BY 1, 2`;
  const [m, d] = [orderFigureMonths, orderFigureDays];
  if (span.fullFrom < span.fullUntil)
    parts.push(read(m, m.month, sql`${m.month} >= ${span.fullFrom}::date AND ${m.month} < ${span.fullUntil}::date`));
  if (span.from <= span.through) {
    const outside = sql`NOT (${d.day} >= ${span.fullFrom}::date AND ${d.day} < ${span.fullUntil}::date)`;
    parts.push(read(d, d.day, sql`${d.day} >= ${span.from}::date AND ${d.day} <= ${span.through}::date AND ${outside}`));
  }
  const scanFrom = span.scanFrom > o.start ? span.scanFrom : o.start;
  if (scanFrom < o.end) parts.push(scanSql({ ...o, start: scanFrom }));
  if (parts.length === 0) return scanSql(o);
  return sql.join(
    parts.map((p) => sql`(${p})`),
    sql` UNION ALL `,
  );
}

/**
 * The group × month cells of [from, to] as figuresSql gives them, read from the rollups for the days they hold
 * (whole months from the month cells, the rest from the day cells) and from the orders for the days after (today
 * always), in one repeatable-read snapshot with the rollups' state. While a cell of the period is marked (an order
 * changed since it was rolled up) the read refreshes the marked cells first, unless another refresher is busy; a
 * mark that remains sends the read to the orders. Exact either way.
 */
export async function rollupCells(db: Db, o: Options, scanSql: (s: Scan) => SQL): Promise<Cell[]> {
  const group = CELL_GROUP[o.groupBy];
  const scan = async () => (await db.execute<Cell>(scanSql(o))).rows;
  if (!group) return scan();
  const read = () =>
    db.transaction(
      async (tx) => {
        const state = await rollupState(tx, o.from, o.to);
        if (state.dirty) return null;
        return (await tx.execute<Cell>(cellsSql(o, group, state.builtThrough, scanSql))).rows;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  const first = await read();
  if (first) return first;
  await withRollupLock(db, (tx) => refreshMarked(tx, READ_REFRESH));
  return (await read()) ?? scan();
}
