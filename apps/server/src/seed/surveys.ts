import { DEFAULT_SURVEY_QUESTIONS, type VoteChannel } from '@linli/contracts';
import type { propertySurveys, surveyAnswers } from '../db/schema/index.js';
import { periodOf, quarterRange, shiftPeriod } from '../modules/surveys/period.js';
import type { SeedAreas } from './areas.js';
import type { SeedHousehold } from './people.js';
import { DEMO_PROPERTY } from './property.js';
import type { Rng } from './rng.js';

const DAY = 86_400_000;
const RATED = DEFAULT_SURVEY_QUESTIONS.filter((q) => q.kind === 'rating').map((q) => q.key);

/**
 * 物业质量测评 of Green Yangyuan's two compounds: the four quarters before the current one (closed) and the current
 * quarter (open until ten days after it ends, a first few answers in); a closed one ran in its quarter's last month. The mean rating the residents lean to in each, oldest first: 东区's company
 * holds steady, 西区's (in its first contract) improves after a poor start.
 */
export const DEMO_SURVEYS = {
  绿扬新苑东区: { lean: [4.1, 4.2, 4.1, 4.3, 4.3], answers: [126, 118, 131, 124, 23] },
  绿扬新苑西区: { lean: [3.3, 3.6, 3.9, 4.2, 4.1], answers: [97, 108, 112, 120, 17] },
} as const;
/** Each question's lean against the compound's: repairs trail, attitude leads. */
const QUESTION_LEAN: Record<string, number> = { cleaning: 0.1, security: 0, greening: 0.1, repairs: -0.4, attitude: 0.2 };
const COMMENTS = [
  '电梯故障报修后处理较慢',
  '楼道保洁比上季度好',
  '希望增加夜间巡逻',
  '绿化带有杂草，请及时修剪',
  '物业人员态度热情',
  '地下车库照明不足',
  '垃圾分类点清运及时',
];
const CHANNELS: readonly (readonly [VoteChannel, number])[] = [
  ['online', 70],
  ['paper', 20],
  ['in_person', 10],
];

/** A rating near `lean`: rounded after a uniform spread of ±1.2, kept within 1–5. */
const rating = (rng: Rng, lean: number) => Math.min(5, Math.max(1, Math.round(lean + (rng.next() - 0.5) * 2.4)));

export function buildDemoSurveys(input: {
  rng: Rng;
  now: Date;
  areas: SeedAreas;
  households: readonly SeedHousehold[];
  orgs: readonly { id?: string; name: string }[];
  staffId: string;
  /** households that stay unanswered in the open survey (the demo resident's, so the portal shows the form) */
  keepOpenFor: ReadonlySet<string>;
}) {
  const { rng, now } = input;
  const lvyang = input.areas.communities[1]!;
  const orgId = new Map(input.orgs.map((o) => [o.name, o.id!]));
  const current = periodOf(now);
  const periods = [-4, -3, -2, -1, 0].map((n) => shiftPeriod(current, n));
  const surveys: (typeof propertySurveys.$inferInsert)[] = [];
  const answers: (typeof surveyAnswers.$inferInsert)[] = [];
  for (const [name, plan] of Object.entries(DEMO_SURVEYS)) {
    const compound = lvyang.compounds.find((c) => c.name === name)!;
    const homes = input.households.filter((h) => h.flat.building.compoundId === compound.id && !input.keepOpenFor.has(h.id));
    periods.forEach((period, i) => {
      const { start, end } = quarterRange(period);
      const open = period === current;
      const opensAt = open ? start : new Date(end.getTime() - 30 * DAY);
      const closesAt = open ? new Date(end.getTime() + 10 * DAY) : end;
      const id = rng.uuid();
      surveys.push({
        id,
        districtId: compound.districtId!,
        streetId: compound.streetId!,
        communityId: lvyang.node.id,
        compoundId: compound.id,
        orgId: orgId.get(DEMO_PROPERTY[name]!.org)!,
        period,
        title: `${name} ${period} 物业服务质量测评（${DEMO_PROPERTY[name]!.org}）`,
        questions: DEFAULT_SURVEY_QUESTIONS,
        opensAt,
        closesAt,
        surveyWeight: 70,
        createdBy: input.staffId,
        createdAt: new Date(opensAt.getTime() - DAY),
      });
      // answers fall between the opening and the earlier of closing and now
      const until = Math.min(closesAt.getTime(), now.getTime());
      for (const h of rng.shuffle([...homes]).slice(0, plan.answers[i]!)) {
        const channel = rng.weighted(CHANNELS);
        answers.push({
          id: rng.uuid(),
          surveyId: id,
          householdId: h.id,
          residentId: h.members[0]!.id,
          ratings: Object.fromEntries(RATED.map((k) => [k, rating(rng, plan.lean[i]! + QUESTION_LEAN[k]!)])),
          texts: rng.chance(0.15) ? { comment: rng.pick(COMMENTS) } : {},
          channel,
          recordedBy: channel === 'online' ? null : input.staffId,
          answeredAt: new Date(opensAt.getTime() + rng.next() * (until - opensAt.getTime())),
        });
      }
    });
  }
  return { surveys, answers };
}
export type DemoSurveys = ReturnType<typeof buildDemoSurveys>;
