import { type CreateProjectInput, DEFAULT_SCORECARD, type FieldIssue, type ProjectDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { projectDetail } from '../access.js';
import { PROJECT_MESSAGES } from '../messages.js';
import { canManageProject, isInActorArea } from '../policy.js';
import { scorecardProblem } from '../progress.js';
import { findBuyerArea, findProviderOrg, insertProject } from '../repo.js';

/** POST /api/projects: a street or community records a project it bought, with milestones, KPIs and its scorecard. */
export async function createProject({ ctx, input }: VerbArgs<CreateProjectInput>): Promise<ProjectDto> {
  const m = PROJECT_MESSAGES;
  const found = await findBuyerArea(ctx.db, input.buyerAreaId);
  const issue = { path: 'buyerAreaId', message: m.buyerUnknown()[ctx.locale] };
  const area = authorize(found && { ...found, streetId: found.streetId!, communityId: found.communityId }, {
    see: (a) => isInActorArea(ctx.actor, a),
    act: (a) => canManageProject(ctx.actor, a),
    entity: 'area',
    issue,
  });
  const issues: FieldIssue[] = [];
  const provider = await findProviderOrg(ctx.db, input.providerOrgId);
  if (!provider || provider.streetId !== area.streetId) issues.push({ path: 'providerOrgId', message: m.providerUnknown()[ctx.locale] });
  if (input.endsOn < input.startsOn) issues.push({ path: 'endsOn', message: m.period()[ctx.locale] });
  const scorecard = input.scorecard ?? DEFAULT_SCORECARD;
  const problem = scorecardProblem(scorecard);
  if (problem) issues.push({ path: 'scorecard', message: m[problem]()[ctx.locale] });
  if (issues.length) throw invalid(issues);
  return inTx(ctx, async (tctx) => {
    const { milestones, kpis, scorecard: _s, ...facts } = input;
    const row = await insertProject(
      tctx.tx,
      { ...facts, scorecard, districtId: area.districtId!, streetId: area.streetId, communityId: area.communityId },
      milestones,
      kpis.map((k) => ({ ...k, manualValue: k.source === 'manual' ? k.manualValue : null })),
    ).catch((e: unknown) => {
      if (isUniqueViolation(e))
        throw conflict(m.contractTaken()[ctx.locale], { issues: [{ path: 'contractNo', message: m.contractTaken()[ctx.locale] }] });
      throw e;
    });
    await writeAudit(tctx, {
      action: 'project.create',
      entityType: 'project',
      entityId: row.id,
      streetId: row.streetId,
      communityId: row.communityId,
      details: { category: row.category, contractNo: row.contractNo },
    });
    return projectDetail(tctx.tx, ctx.actor, row.id);
  });
}
