import { z } from 'zod';
import { paged } from './common.js';
import { VoteChannel } from './consultation-dto.js';

/** 物业质量测评: a survey period, a quarter by default (2026-Q3). */
export const SurveyPeriod = z.string().regex(/^\d{4}-Q[1-4]$/, 'YYYY-Qn');
export type SurveyPeriod = z.infer<typeof SurveyPeriod>;

/** A question: a rating from 1 (very poor) to 5 (very good), or free text. */
export const SurveyQuestion = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,20}$/),
  label: z.string().trim().min(1).max(100),
  kind: z.enum(['rating', 'text']),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

/** The questions a survey gets unless its author sets others. */
export const DEFAULT_SURVEY_QUESTIONS: SurveyQuestion[] = [
  { key: 'cleaning', label: '环境卫生', kind: 'rating' },
  { key: 'security', label: '安全秩序', kind: 'rating' },
  { key: 'greening', label: '绿化养护', kind: 'rating' },
  { key: 'repairs', label: '维修及时', kind: 'rating' },
  { key: 'attitude', label: '服务态度', kind: 'rating' },
  { key: 'comment', label: '意见建议', kind: 'text' },
];

/** A new survey of one compound's property company for one period. */
export const SurveyInput = z.object({
  compoundId: z.uuid(),
  period: SurveyPeriod,
  title: z.string().trim().max(100).optional(),
  questions: z.array(SurveyQuestion).min(1).max(12).default(DEFAULT_SURVEY_QUESTIONS),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  /** weight of the survey in the score, 0–100; the orders' satisfaction takes the rest */
  surveyWeight: z.number().int().min(0).max(100).default(70),
});
export type SurveyInput = z.infer<typeof SurveyInput>;

/** One household's answer: every rating question rated 1–5, text questions optional; staff record paper or in-person answers. */
export const SurveyAnswerInput = z.object({
  ratings: z.record(z.string(), z.number().int().min(1).max(5)),
  texts: z.record(z.string(), z.string().trim().max(500)).default({}),
  channel: VoteChannel.default('online'),
  /** staff recording a paper or in-person answer: the resident answering (their household is counted) */
  residentId: z.uuid().optional(),
});
export type SurveyAnswerInput = z.infer<typeof SurveyAnswerInput>;

/** The score of a survey: the survey part, the orders part and their weighted combination (each null without data). */
export const SurveyScore = z.object({
  answers: z.number().int(),
  households: z.number().int(),
  /** mean rating per rating question (1–5) */
  means: z.array(z.object({ key: z.string(), label: z.string(), mean: z.number().nullable() })),
  /** the mean rating mapped to 0–100 (1 → 0, 5 → 100) */
  surveyScore: z.number().nullable(),
  ordersRated: z.number().int(),
  ordersSatisfied: z.number().int(),
  /** satisfied or basically satisfied among the rated orders of the company in the compound in the period (0–1) */
  satisfactionRate: z.number().nullable(),
  weights: z.object({ survey: z.number().int(), orders: z.number().int() }),
  combined: z.number().nullable(),
});
export type SurveyScore = z.infer<typeof SurveyScore>;

export const SurveyStatus = z.enum(['upcoming', 'open', 'closed']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const SurveyDto = z.object({
  id: z.uuid(),
  compoundId: z.uuid(),
  compoundName: z.string(),
  communityId: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  period: z.string(),
  title: z.string(),
  questions: z.array(SurveyQuestion),
  opensAt: z.string(),
  closesAt: z.string(),
  status: SurveyStatus,
  /** for managers and readers of the rankings; residents see none */
  score: SurveyScore.nullable(),
  /** the latest free-text answers, without names (managers only) */
  comments: z.array(z.object({ text: z.string(), channel: VoteChannel, answeredAt: z.string() })).nullable(),
  /** the signed-in resident's household answer, if any */
  myAnswer: z.object({ channel: VoteChannel, answeredAt: z.string() }).nullable(),
  abilities: z.object({ answer: z.boolean(), record: z.boolean() }),
});
export type SurveyDto = z.infer<typeof SurveyDto>;

export const SurveyList = paged(SurveyDto);
export type SurveyList = z.infer<typeof SurveyList>;
export const SurveyQuery = z.object({
  compoundId: z.uuid().optional(),
  period: SurveyPeriod.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SurveyQuery = z.infer<typeof SurveyQuery>;

/** The ranking: compounds of the scope ordered by combined score in one period, and every period's scores per compound. */
export const SurveyRankingQuery = z.object({
  /** defaults to the latest period with a survey in scope */
  period: SurveyPeriod.optional(),
  communityId: z.uuid().optional(),
});
export type SurveyRankingQuery = z.infer<typeof SurveyRankingQuery>;

const RankedScore = z.object({
  surveyId: z.uuid(),
  answers: z.number().int(),
  surveyScore: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  combined: z.number().nullable(),
});

export const SurveyRanking = z.object({
  period: z.string().nullable(),
  periods: z.array(z.string()),
  rows: z.array(
    RankedScore.extend({
      rank: z.number().int(),
      compoundId: z.uuid(),
      compoundName: z.string(),
      communityName: z.string(),
      orgName: z.string(),
    }),
  ),
  trend: z.array(
    z.object({
      compoundId: z.uuid(),
      compoundName: z.string(),
      points: z.array(RankedScore.extend({ period: z.string() })),
    }),
  ),
});
export type SurveyRanking = z.infer<typeof SurveyRanking>;
