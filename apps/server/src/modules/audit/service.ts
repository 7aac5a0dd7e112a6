import type { AuditListQuery } from '@linli/contracts';
import type { AuthedCtx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { canReadAudit } from './policy.js';
import { presentAuditEntry } from './presenter.js';
import { selectAuditPage } from './repo.js';

/** Lists the audit log in the actor's scope, newest first. */
export async function listAuditEntries({ ctx, input }: { ctx: AuthedCtx; input: AuditListQuery }) {
  if (!canReadAudit(ctx.actor)) throw forbidden();
  const { rows, total } = await selectAuditPage(ctx.db, ctx.actor, input);
  return { items: rows.map(presentAuditEntry), total, page: input.page, pageSize: input.pageSize };
}
