import type { WorkReportDto, WorkReportQuery } from '@linli/contracts';
import { authorize, requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { MAX_PERIOD_MONTHS } from '../../figures/period.js';
import { REPORT_MESSAGES } from '../messages.js';
import { reportPeriod } from '../period.js';
import { REPORT_LEVELS, canReadReport } from '../policy.js';
import { presentWorkReport } from '../presenter.js';
import { REPORT_PROVIDERS } from '../providers/index.js';
import { childAreas, findAreaByCode } from '../repo.js';

/** The work report (工作报告) of a district, street, community or grid: every provider's figures for the period. */
export async function getWorkReport({ ctx, input }: VerbArgs<WorkReportQuery>): Promise<WorkReportDto> {
  requireAbility(ctx.actor, 'reports.read');
  const say = (m: { 'zh-CN': string; en: string }) => m[ctx.locale];
  const area = authorize(await findAreaByCode(ctx.db, input.area), {
    see: (a) => canReadReport(ctx.actor, a),
    entity: 'area',
    issue: { path: 'area', message: say(REPORT_MESSAGES.noArea()) },
  });
  const levels = REPORT_LEVELS[area.kind];
  if (!levels) throw invalid([{ path: 'area', message: say(REPORT_MESSAGES.kind()) }]);
  const period = reportPeriod(input);
  if (period.from > period.to) throw invalid([{ path: 'from', message: say(REPORT_MESSAGES.fromAfterTo()) }]);
  if (period.months.length > MAX_PERIOD_MONTHS) throw invalid([{ path: 'from', message: say(REPORT_MESSAGES.tooLong(MAX_PERIOD_MONTHS)) }]);
  const target = {
    area: { id: area.id, kind: area.kind },
    level: levels.level,
    childLevel: levels.child?.level ?? null,
    ...period,
    locale: ctx.locale,
  };
  const [children, ...results] = await Promise.all([
    levels.child ? childAreas(ctx.db, levels.level, area.id, levels.child.kind) : [],
    ...REPORT_PROVIDERS.map((p) => p.collect(ctx.db, target)),
  ]);
  return presentWorkReport({ area, from: period.from, to: period.to, months: period.months, children, results });
}
