import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, isForeignKeyViolation } from '../../../core/errors.js';
import { auditedOrg, orgForWrite } from '../access.js';
import { ORG_MESSAGES } from '../messages.js';
import { deleteOrgRow, orgHasUsers } from '../repo.js';

/** Deletes an org nobody is assigned to. */
export async function deleteHandlerOrg({ ctx, input }: VerbArgs<{ id: string }>): Promise<{ ok: true }> {
  await inTx(ctx, async (tctx) => {
    const org = await orgForWrite(tctx.tx, ctx.actor, input.id);
    if (await orgHasUsers(tctx.tx, org.id)) throw conflict(ORG_MESSAGES.hasUsers()[ctx.locale], { reason: 'users' });
    try {
      await deleteOrgRow(tctx.tx, org.id);
    } catch (e) {
      throw isForeignKeyViolation(e) ? conflict(ORG_MESSAGES.inUse()[ctx.locale], { reason: 'references' }) : e;
    }
    await writeAudit(tctx, { action: 'org.delete', ...auditedOrg(org), details: { kind: org.kind } });
  });
  return { ok: true };
}
