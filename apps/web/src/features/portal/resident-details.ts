import { OrderOutcome, OrderRating, type Locale, type TimelineEntry } from '@linli/contracts';
import { z } from 'zod';

type Words = Record<Locale, string>;

/** How an order ended, told to the one who asked: what it means for them, not the office's category. */
export const RESIDENT_OUTCOME_WORDS: Record<OrderOutcome, Words> = {
  resolved: { 'zh-CN': '问题已解决', en: 'Your matter is solved' },
  unresolved: { 'zh-CN': '这次没能解决，工作人员会向您说明原因', en: 'It could not be solved this time; staff will tell you why' },
  not_responsible: {
    'zh-CN': '这件事不归社区管，工作人员会告诉您该找哪里',
    en: 'The community cannot deal with this; staff will tell you who can',
  },
  duplicate: { 'zh-CN': '和另一个单子是同一件事，已一起处理', en: 'The same matter as another order, dealt with together' },
  withdrawn: { 'zh-CN': '单子已撤回', en: 'The order was withdrawn' },
};

export const RESIDENT_RATING_WORDS: Record<OrderRating, Words> = {
  satisfied: { 'zh-CN': '您的评价：满意', en: 'Your rating: satisfied' },
  basic: { 'zh-CN': '您的评价：基本满意', en: 'Your rating: mostly satisfied' },
  unsatisfied: { 'zh-CN': '您的评价：不满意', en: 'Your rating: not satisfied' },
};

const moreHours = (n: number): Words => ({ 'zh-CN': `预计还需要 ${n} 小时`, en: `About ${n} more hours needed` });
const Hours = z.number().int().positive();
const Reasons = z.array(z.string());

/** The details of a step (the outcome of 结案, a rating, the hours asked for) in the resident's words; null when none. */
export function residentDetails(entry: Pick<TimelineEntry, 'kind' | 'details'>, locale: Locale): string | null {
  const parts: string[] = [];
  const rating = OrderRating.safeParse(entry.details.rating);
  const reasons = Reasons.safeParse(entry.details.reasons);
  const outcome = OrderOutcome.safeParse(entry.details.outcome);
  const hours = Hours.safeParse(entry.details.hours);
  if (rating.success) parts.push(RESIDENT_RATING_WORDS[rating.data][locale]);
  if (reasons.success && reasons.data.length) parts.push(reasons.data.join('、'));
  if (outcome.success) parts.push(RESIDENT_OUTCOME_WORDS[outcome.data][locale]);
  if (hours.success && entry.kind === 'request_extension') parts.push(moreHours(hours.data)[locale]);
  return parts.length ? parts.join(' · ') : null;
}
