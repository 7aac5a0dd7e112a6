import { DEFAULT_SURVEY_QUESTIONS } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { periodOf, quarterRange, shiftPeriod, surveyStatus } from './period.js';
import { scoreOf } from './score.js';

const base = { questions: DEFAULT_SURVEY_QUESTIONS, surveyWeight: 70, answers: 2, households: 10 };
const orders = (rated: number, satisfied: number) => ({ rated, satisfied, satisfactionRate: rated ? satisfied / rated : null });

describe('survey periods (China time quarters)', () => {
  it('maps instants to quarters at the UTC+8 boundary and back to their range', () => {
    expect(periodOf(new Date('2026-06-30T15:59:00Z'))).toBe('2026-Q2');
    expect(periodOf(new Date('2026-06-30T16:00:00Z'))).toBe('2026-Q3');
    expect(quarterRange('2026-Q4')).toEqual({ start: new Date('2026-09-30T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') });
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2025-Q4', 5)).toBe('2027-Q1');
  });

  it('is upcoming, open, then closed', () => {
    const s = { opensAt: new Date('2026-01-01T00:00:00Z'), closesAt: new Date('2026-02-01T00:00:00Z') };
    expect(['2025-12-31', '2026-01-15', '2026-02-01'].map((d) => surveyStatus(s, new Date(`${d}T00:00:00Z`)))).toEqual([
      'upcoming',
      'open',
      'closed',
    ]);
  });
});

describe('the combined score', () => {
  it('maps the mean rating to 0–100 and weights it 70/30 with the orders', () => {
    const ratings = ['cleaning', 'security', 'greening', 'repairs', 'attitude'].map((key) => ({ key, sum: 9, n: 2 }));
    const s = scoreOf({ ...base, ratings, orders: orders(4, 1) });
    expect(s.surveyScore).toBe(87.5);
    expect(s.means[0]).toEqual({ key: 'cleaning', label: '环境卫生', mean: 4.5 });
    expect(s.combined).toBe(68.8); // 0.7 × 87.5 + 0.3 × 25 = 68.75
  });

  it('uses the part there is when the other has no data, and none without either', () => {
    expect(scoreOf({ ...base, ratings: [], orders: orders(2, 2) }).combined).toBe(100);
    expect(scoreOf({ ...base, ratings: [{ key: 'cleaning', sum: 1, n: 1 }], orders: orders(0, 0) }).combined).toBe(0);
    expect(scoreOf({ ...base, ratings: [], orders: orders(0, 0) })).toMatchObject({ surveyScore: null, combined: null });
  });

  it('follows a configured weight', () => {
    const s = scoreOf({ ...base, surveyWeight: 50, ratings: [{ key: 'repairs', sum: 5, n: 1 }], orders: orders(2, 1) });
    expect(s).toMatchObject({ surveyScore: 100, combined: 75, weights: { survey: 50, orders: 50 } });
  });
});
