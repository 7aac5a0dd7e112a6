import type { HandlerOrgDto, UpdateHandlerOrgInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, isUniqueViolation } from '../../../core/errors.js';
import { auditedOrg, orgForWrite } from '../access.js';
import { ORG_MESSAGES } from '../messages.js';
import { presentOrg } from '../presenter.js';
import { findOrg, updateOrg } from '../repo.js';

export type UpdateHandlerOrgArgs = UpdateHandlerOrgInput & { id: string };

/** Renames an org, changes its kind or phone (an empty phone clears it). */
export async function updateHandlerOrg({ ctx, input }: VerbArgs<UpdateHandlerOrgArgs>): Promise<HandlerOrgDto> {
  const { id } = input;
  try {
    await inTx(ctx, async (tctx) => {
      const org = await orgForWrite(tctx.tx, ctx.actor, id);
      const patch = { kind: input.kind, name: input.name, phone: input.phone === undefined ? undefined : input.phone || null };
      const fields = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => patch[k] !== undefined);
      await updateOrg(tctx.tx, id, Object.fromEntries(fields.map((k) => [k, patch[k]])));
      await writeAudit(tctx, { action: 'org.update', ...auditedOrg(org), details: { fields } });
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const message = ORG_MESSAGES.nameTaken()[ctx.locale];
    throw conflict(message, { issues: [{ path: 'name', message }] });
  }
  return presentOrg(ctx.actor, (await findOrg(ctx.db, id))!);
}
