import { PROGRAMME_KIND_LABELS, ProgrammeKind, type ReportValues } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/pool.js';
import { programmeEnrolments, programmes } from '../../../db/schema/index.js';
import { childOf, hasLevel, inArea } from './columns.js';
import { type ProviderResult, type ReportProvider, type ReportTarget, addValue } from './types.js';

type KindRow = { kind: ProgrammeKind | null; n: number };
type SplitRow = { g: string | null; m: string; n: number };

/** Enrolments live at some point of the period. */
const liveIn = (t: ReportTarget) => sql`${inArea(programmeEnrolments, t)}
  AND ${programmeEnrolments.enrolledOn} <= ${t.to}::date
  AND (${programmeEnrolments.endedOn} IS NULL OR ${programmeEnrolments.endedOn} >= ${t.from}::date)`;

async function kinds(db: Db, t: ReportTarget) {
  // one row per kind plus the rollup (kind null): a person in two programmes counts once in the total
  const { rows } = await db.execute<KindRow>(sql`
    SELECT ${programmes.kind} AS kind, count(DISTINCT ${programmeEnrolments.residentId})::int AS n
    FROM ${programmeEnrolments} JOIN ${programmes} ON ${programmes.id} = ${programmeEnrolments.programmeId}
    WHERE ${liveIn(t)}
    GROUP BY ROLLUP (1)`);
  return rows;
}

async function splits(db: Db, t: ReportTarget) {
  const { rows } = await db.execute<SplitRow>(sql`
    SELECT ${childOf(programmeEnrolments, t)} AS g, to_char(${programmeEnrolments.enrolledOn}, 'YYYY-MM') AS m,
      count(DISTINCT ${programmeEnrolments.residentId})::int AS n
    FROM ${programmeEnrolments}
    WHERE ${liveIn(t)} AND ${programmeEnrolments.enrolledOn} >= ${t.from}::date
    GROUP BY 1, 2`);
  return rows;
}

/**
 * 一老一小: people enrolled in a care programme at some point of the period, by programme kind (one person counts
 * once in the total); per child area and month, those newly enrolled.
 */
export const programmesProvider: ReportProvider = {
  module: 'programmes',
  keys: ['programmeBeneficiaries'],
  async collect(db, t): Promise<ProviderResult> {
    const children = new Map<string, ReportValues>();
    const months = new Map<string, ReportValues>();
    if (!hasLevel(programmeEnrolments, t.level)) return { figures: {}, children, months };
    const [byKind, split] = await Promise.all([kinds(db, t), splits(db, t)]);
    for (const r of split) {
      addValue(children, r.g, 'programmeBeneficiaries', r.n);
      addValue(months, r.m, 'programmeBeneficiaries', r.n);
    }
    const counts = new Map(byKind.map((r) => [r.kind, r.n]));
    const by = ProgrammeKind.options.map((k) => ({ key: k, name: PROGRAMME_KIND_LABELS[k][t.locale], value: counts.get(k) ?? 0 }));
    return { figures: { programmeBeneficiaries: { value: counts.get(null) ?? 0, by } }, children, months };
  },
};
