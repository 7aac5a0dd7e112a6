import type { SurveyQuestion, SurveyScore } from '@linli/contracts';

/** Sums of one rating question over a survey's answers. */
export type RatingSum = { key: string; sum: number; n: number };

export type ScoreInput = {
  questions: readonly SurveyQuestion[];
  surveyWeight: number;
  answers: number;
  households: number;
  ratings: readonly RatingSum[];
  /** the company's orders in the compound in the period: rated, and satisfied or basically satisfied */
  orders: { rated: number; satisfied: number; satisfactionRate: number | null };
};

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The combined score: the survey's mean rating mapped to 0–100 (1 → 0, 5 → 100) and the orders' satisfaction rate
 * (× 100), weighted surveyWeight : 100 − surveyWeight. With only one part measured, that part alone is the score.
 */
export function scoreOf(s: ScoreInput): SurveyScore {
  const rated = s.questions.filter((q) => q.kind === 'rating');
  const byKey = new Map(s.ratings.map((r) => [r.key, r]));
  const means = rated.map((q) => {
    const r = byKey.get(q.key);
    return { key: q.key, label: q.label, mean: r && r.n > 0 ? Math.round((r.sum / r.n) * 100) / 100 : null };
  });
  const [sum, n] = rated.reduce(([a, b], q) => [a + (byKey.get(q.key)?.sum ?? 0), b + (byKey.get(q.key)?.n ?? 0)], [0, 0]);
  const surveyScore = n > 0 ? round1(((sum / n - 1) / 4) * 100) : null;
  const orders = s.orders.satisfactionRate === null ? null : s.orders.satisfactionRate * 100;
  const w = s.surveyWeight;
  const combined =
    surveyScore !== null && orders !== null
      ? round1((w * surveyScore + (100 - w) * orders) / 100)
      : (surveyScore ?? (orders === null ? null : round1(orders)));
  return {
    answers: s.answers,
    households: s.households,
    means,
    surveyScore,
    ordersRated: s.orders.rated,
    ordersSatisfied: s.orders.satisfied,
    satisfactionRate: s.orders.satisfactionRate,
    weights: { survey: w, orders: 100 - w },
    combined,
  };
}
