import type { AuditListQuery } from '@linli/contracts';
import { requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { presentAuditEntry } from '../presenter.js';
import { selectAuditPage } from '../repo.js';

/** Lists the audit log in the actor's scope, newest first (audit.read: admins, supervisors, evaluators). */
export async function listAuditEntries({ ctx, input }: VerbArgs<AuditListQuery>) {
  requireAbility(ctx.actor, 'audit.read');
  const { rows, total } = await selectAuditPage(ctx.db, ctx.actor, input);
  return { items: rows.map(presentAuditEntry), total, page: input.page, pageSize: input.pageSize };
}
