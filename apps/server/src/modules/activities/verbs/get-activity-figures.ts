import { ActivityKind, type ActivityFiguresDto, type ActivityFiguresQuery } from '@linli/contracts';
import { canOn } from '../../../core/actor.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { findNode } from '../../areas/repo.js';
import { MAX_PERIOD_MONTHS, resolvePeriod } from '../../figures/period.js';
import { REPORT_MESSAGES } from '../../reports/messages.js';
import { reportPeriod } from '../../reports/period.js';
import { ACTIVITY_MESSAGES } from '../messages.js';
import { activityFigures, mergeBuckets } from '../repo-figures.js';

/**
 * GET /api/activities/figures: activities held, people served and volunteer hours by kind, month and team, over a
 * calendar year or a period of days; by default the work report's: the 365 days up to today.
 */
export async function getActivityFigures({ ctx, input }: VerbArgs<ActivityFiguresQuery>): Promise<ActivityFiguresDto> {
  requireAbility(ctx.actor, 'volunteers.read');
  const say = (m: { 'zh-CN': string; en: string }) => m[ctx.locale];
  const { year } = input;
  if (year !== undefined && (input.from !== undefined || input.to !== undefined))
    throw invalid([{ path: 'year', message: say(ACTIVITY_MESSAGES.yearOrDates()) }]);
  const period = year === undefined ? reportPeriod(input) : resolvePeriod({ from: `${year}-01-01`, to: `${year}-12-31` });
  if (period.from > period.to) throw invalid([{ path: 'from', message: say(REPORT_MESSAGES.fromAfterTo()) }]);
  if (period.months.length > MAX_PERIOD_MONTHS) throw invalid([{ path: 'from', message: say(REPORT_MESSAGES.tooLong(MAX_PERIOD_MONTHS)) }]);
  if (input.communityId !== undefined) {
    const node = await findNode(ctx.db, input.communityId);
    authorize(node?.kind === 'community' ? node : undefined, { see: (c) => canOn(ctx.actor, 'volunteers.read', c), entity: 'community' });
  }
  const f = await activityFigures(ctx.db, ctx.actor, period, input.communityId);
  const byKind = mergeBuckets(ActivityKind.options, f.kindA, f.kindH);
  const byMonth = mergeBuckets(period.months, f.monthA, f.monthH);
  const names = new Map(f.teams.map((t) => [t.id, t.name]));
  const byTeam = mergeBuckets(
    f.teams.map((t) => t.id),
    f.teamA,
    f.teamH,
  ).map((b) => ({ ...b, name: names.get(b.key) ?? '' }));
  const sum = (k: 'activities' | 'peopleServed' | 'hours') => byMonth.reduce((s, b) => s + b[k], 0);
  return {
    year: year ?? null,
    from: period.from,
    to: period.to,
    byKind,
    byMonth,
    byTeam,
    totals: {
      activities: sum('activities'),
      peopleServed: sum('peopleServed'),
      hours: Math.round(sum('hours') * 10) / 10,
      volunteers: f.volunteers,
    },
  };
}
