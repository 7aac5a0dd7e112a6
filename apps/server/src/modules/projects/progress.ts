import { type KpiSource, type ScoreCriterion, gradeOf } from '@linli/contracts';
import type { LiveCounts } from './repo-links.js';

type Kpi = { target: number; source: KpiSource; manualValue: number | null };
type Milestone = { doneOn: string | null };

/** A KPI's actual value: typed in, or the live count of its source. */
export const kpiActual = (k: Kpi, live: LiveCounts | undefined): number =>
  k.source === 'manual' ? (k.manualValue ?? 0) : (live?.[k.source] ?? 0);

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Attainment in percent, capped at 100. */
export const attainmentOf = (actual: number, target: number): number => round1(Math.min(100, (actual / target) * 100));

/** Milestones done, mean KPI attainment, and the progress: half milestones, half KPIs (either alone when the other is absent). */
export function progressOf(milestones: Milestone[], kpis: Kpi[], live: LiveCounts | undefined) {
  const done = milestones.filter((m) => m.doneOn !== null).length;
  const kpiAttainment = kpis.length ? round1(kpis.reduce((s, k) => s + attainmentOf(kpiActual(k, live), k.target), 0) / kpis.length) : 0;
  const parts = [...(milestones.length ? [(done / milestones.length) * 100] : []), ...(kpis.length ? [kpiAttainment] : [])];
  const percent = parts.length ? round1(parts.reduce((a, b) => a + b, 0) / parts.length) : 0;
  return { milestonesDone: done, milestones: milestones.length, kpiAttainment, percent };
}

/** The project's result: the mean of the live evaluations' weighted totals, graded; null before any. */
export function resultOf(live: { total: number }[]) {
  if (live.length === 0) return null;
  const score = round1(live.reduce((s, e) => s + e.total, 0) / live.length);
  return { score, grade: gradeOf(score), evaluations: live.length };
}

/** The weights of a scorecard must sum to 100 and its keys be distinct. */
export function scorecardProblem(criteria: readonly ScoreCriterion[]): 'weights' | 'keys' | null {
  if (new Set(criteria.map((c) => c.key)).size !== criteria.length) return 'keys';
  return criteria.reduce((s, c) => s + c.weight, 0) === 100 ? null : 'weights';
}
