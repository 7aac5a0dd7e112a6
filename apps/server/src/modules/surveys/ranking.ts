import type { SurveyRanking, SurveyScore } from '@linli/contracts';
import type { SurveyRow } from './repo.js';

const scoreParts = (row: SurveyRow, s: SurveyScore | undefined) => ({
  surveyId: row.id,
  answers: s?.answers ?? 0,
  surveyScore: s?.surveyScore ?? null,
  satisfactionRate: s?.satisfactionRate ?? null,
  combined: s?.combined ?? null,
});

/**
 * The ranking of one period (the latest when none is asked for): highest combined score first, equal scores share a
 * rank, unscored compounds last; and each compound's scores over every period, for the line chart.
 */
export function rankSurveys(rows: readonly SurveyRow[], scores: Map<string, SurveyScore>, asked?: string): SurveyRanking {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const period = asked ?? periods.at(-1) ?? null;
  const ofPeriod = rows
    .filter((r) => r.period === period)
    .map((r) => ({ row: r, ...scoreParts(r, scores.get(r.id)) }))
    .sort((a, b) => (b.combined ?? -1) - (a.combined ?? -1) || a.row.compoundName.localeCompare(b.row.compoundName, 'zh'));
  const ranked = ofPeriod.map(({ row, ...parts }, i) => {
    const first = ofPeriod.findIndex((o) => o.combined === parts.combined);
    return {
      ...parts,
      rank: (first === -1 ? i : first) + 1,
      compoundId: row.compoundId,
      compoundName: row.compoundName,
      communityName: row.communityName,
      orgName: row.orgName,
    };
  });
  const compounds = new Map<string, SurveyRanking['trend'][number]>();
  for (const r of rows) {
    const t = compounds.get(r.compoundId) ?? { compoundId: r.compoundId, compoundName: r.compoundName, points: [] };
    t.points.push({ period: r.period, ...scoreParts(r, scores.get(r.id)) });
    compounds.set(r.compoundId, t);
  }
  return { period, periods, rows: ranked, trend: [...compounds.values()] };
}
