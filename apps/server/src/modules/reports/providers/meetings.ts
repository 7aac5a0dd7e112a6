import { MEETING_KIND_LABELS, MeetingKind, type ReportKey, type ReportValues } from '@linli/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/pool.js';
import { meetings } from '../../../db/schema/index.js';
import { childOf, hasLevel, inArea } from './columns.js';
import { type ProviderResult, type ReportProvider, type ReportTarget, addValue } from './types.js';

type Table = Parameters<typeof inArea>[0];
type Label = { 'zh-CN': string; en: string };

/** What a "rows of the period, by kind" figure counts: a table, its instant column, its kind column and filter. */
export type KindCount<K extends string> = {
  table: PgTable & Table;
  at: AnyPgColumn | SQL;
  kind: AnyPgColumn;
  where: SQL;
  key: ReportKey;
  kinds: readonly K[];
  labels: Record<K, Label>;
};

/** Rows of the target area in the period, per child area, per month and by kind: one aggregate read. */
export async function collectByKind<K extends string>(db: Db, t: ReportTarget, c: KindCount<K>): Promise<ProviderResult> {
  const children = new Map<string, ReportValues>();
  const months = new Map<string, ReportValues>();
  if (!hasLevel(c.table, t.level)) return { figures: {}, children, months };
  const { rows } = await db.execute<{ g: string | null; m: string; k: K; n: number }>(sql`
    SELECT ${childOf(c.table, t)} AS g, to_char(${c.at} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m, ${c.kind}::text AS k, count(*)::int AS n
    FROM ${c.table}
    WHERE ${inArea(c.table, t)} AND ${c.where} AND ${c.at} >= ${t.start.toISOString()} AND ${c.at} < ${t.end.toISOString()}
    GROUP BY 1, 2, 3`);
  const byKind = new Map<string, number>();
  for (const r of rows) {
    byKind.set(r.k, (byKind.get(r.k) ?? 0) + r.n);
    addValue(children, r.g, c.key, r.n);
    addValue(months, r.m, c.key, r.n);
  }
  const by = c.kinds.map((k) => ({ key: k, name: c.labels[k][t.locale], value: byKind.get(k) ?? 0 }));
  return { figures: { [c.key]: { value: by.reduce((s, x) => s + x.value, 0), by } }, children, months };
}

/** 居民代表会议 · 联席会议: meetings held in the period (drafts left out), by kind; meetings belong to a community. */
export const meetingsProvider: ReportProvider = {
  module: 'meetings',
  keys: ['meetings'],
  collect: (db, t) =>
    collectByKind(db, t, {
      table: meetings,
      at: meetings.startsAt,
      kind: meetings.kind,
      where: sql`${meetings.status} <> 'draft'`,
      key: 'meetings',
      kinds: MeetingKind.options,
      labels: MEETING_KIND_LABELS,
    }),
};
