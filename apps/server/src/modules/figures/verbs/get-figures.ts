import type { FiguresDto, FiguresQuery, Locale } from '@linli/contracts';
import { authorize, requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { findNode } from '../../areas/repo.js';
import { FIGURES_MESSAGES } from '../messages.js';
import { MAX_PERIOD_MONTHS, type Period, resolvePeriod } from '../period.js';
import { canFilterFigures } from '../policy.js';
import { presentFigures } from '../presenter.js';
import { figureBuckets, groupNames } from '../repo.js';

function checkPeriod(period: Period, locale: Locale): void {
  if (period.from > period.to) throw invalid([{ path: 'from', message: FIGURES_MESSAGES.fromAfterTo()[locale] }]);
  if (period.months.length > MAX_PERIOD_MONTHS)
    throw invalid([{ path: 'from', message: FIGURES_MESSAGES.tooLong(MAX_PERIOD_MONTHS)[locale] }]);
}

/** The order figures (three rates and the rest) of the actor's scope, optionally one area, per group and per month. */
export async function getFigures({ ctx, input }: VerbArgs<FiguresQuery>): Promise<FiguresDto> {
  requireAbility(ctx.actor, 'figures.read');
  const area = input.areaId
    ? authorize(await findNode(ctx.db, input.areaId), { see: (n) => canFilterFigures(ctx.actor, n), entity: 'area' })
    : undefined;
  const period = resolvePeriod(input);
  checkPeriod(period, ctx.locale);
  const buckets = await figureBuckets(ctx.db, {
    actor: ctx.actor,
    area,
    groupBy: input.groupBy,
    start: period.start,
    end: period.end,
    from: period.from,
    to: period.to,
  });
  const keys = [...buckets.groups.keys()].filter((k): k is string => k !== null);
  const names = await groupNames(ctx.db, input.groupBy, keys);
  return presentFigures({ groupBy: input.groupBy, period, area, buckets, names }, ctx.locale);
}
