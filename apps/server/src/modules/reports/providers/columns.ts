import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { scopeColumnsOf } from '../../../core/scope.js';
import type { LevelKey, ReportTarget } from './types.js';

type ScopedTable = Parameters<typeof scopeColumnsOf>[0];

/** The column of `table` at `level`; a table without that level has no place in the report at it. */
export function levelColumn(table: ScopedTable, level: LevelKey): AnyPgColumn {
  const col = scopeColumnsOf(table)[level];
  if (!col) throw new Error(`no ${level} column on this table`);
  return col;
}

/** Rows of the target area: one equality on the area's level column (the tables' scope indexes). */
export const inArea = (table: ScopedTable, t: ReportTarget): SQL => sql`${levelColumn(table, t.level)} = ${t.area.id}::uuid`;

/** True when the table carries the level's column (activities, say, stop at the community). */
export const hasLevel = (table: ScopedTable, level: LevelKey): boolean => scopeColumnsOf(table)[level] !== undefined;

/** The child area a row counts for, as text (null when the target has no children or the table no such column). */
export const childOf = (table: ScopedTable, t: ReportTarget): SQL =>
  t.childLevel && hasLevel(table, t.childLevel) ? sql`${levelColumn(table, t.childLevel)}::text` : sql`null::text`;
