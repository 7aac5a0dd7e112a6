import type { AuditAction, ProjectDto } from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import { authorize } from '../../core/authorize.js';
import { type AuthedCtx, type TxCtx, inTx } from '../../core/context.js';
import { projectDetail } from './access.js';
import { canSeeProject } from './policy.js';
import { type ProjectView, findProjectView, lockProject } from './repo.js';

type Change = {
  action: AuditAction;
  /** who may make it, over the project (a failed check answers 403) */
  may: (p: ProjectView) => boolean;
  /** the change itself; returns the audit details */
  apply: (tctx: TxCtx, p: ProjectView) => Promise<Record<string, unknown>>;
};

/**
 * One change to a project in one transaction: lock the row, 404 outside scope, 403 when `may` refuses, apply, audit
 * last, answer the project as the actor now sees it.
 */
export async function changeProject(ctx: AuthedCtx, projectId: string, change: Change): Promise<ProjectDto> {
  return inTx(ctx, async (tctx) => {
    await lockProject(tctx.tx, projectId);
    const p = authorize(await findProjectView(tctx.tx, projectId), {
      see: (row) => canSeeProject(ctx.actor, row),
      act: change.may,
      entity: 'project',
    });
    const details = await change.apply(tctx, p);
    await writeAudit(tctx, {
      action: change.action,
      entityType: 'project',
      entityId: p.id,
      streetId: p.streetId,
      communityId: p.communityId,
      details,
    });
    return projectDetail(tctx.tx, ctx.actor, p.id);
  });
}
