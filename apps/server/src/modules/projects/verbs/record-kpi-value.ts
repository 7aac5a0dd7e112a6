import type { KpiValueInput, ProjectDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { invalid, notFound } from '../../../core/errors.js';
import { changeProject } from '../manage.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { canManageProject } from '../policy.js';
import { findKpi, setKpiValue } from '../repo.js';

/** PATCH /api/projects/:id/kpis/:itemId: the actual value of a manual KPI (automatic ones are counted, never typed). */
export async function recordKpiValue({ ctx, input }: VerbArgs<KpiValueInput & { projectId: string; kpiId: string }>): Promise<ProjectDto> {
  return changeProject(ctx, input.projectId, {
    action: 'project.kpi',
    may: (p) => canManageProject(ctx.actor, p),
    apply: async (tctx, p) => {
      const kpi = await findKpi(tctx.tx, p.id, input.kpiId);
      if (!kpi) throw notFound('kpi');
      if (kpi.source !== 'manual') throw invalid([{ path: 'manualValue', message: PROJECT_MESSAGES.notManual()[ctx.locale] }]);
      await setKpiValue(tctx.tx, kpi.id, input.manualValue);
      return { kpiId: kpi.id, manualValue: input.manualValue };
    },
  });
}
