import type { CompoundPropertyDto, CompoundPropertyInput, FieldIssue } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { PROPERTY_MESSAGES as M } from '../messages.js';
import { canEditCompoundProperty, canReadCompoundProperty } from '../policy.js';
import { presentCompoundProperty } from '../presenter.js';
import { findCompoundProperty, findPropertyOrg, lockCompoundProperty, upsertCompoundProperty } from '../repo.js';

export type SetCompoundPropertyInput = CompoundPropertyInput & { compoundId: string };

/** PUT /api/compounds/:compoundId/property: the company serving a compound with its contract, or none; audited. */
export async function setCompoundProperty({ ctx, input }: VerbArgs<SetCompoundPropertyInput>): Promise<CompoundPropertyDto> {
  return inTx(ctx, async (tctx) => {
    const { tx, actor, locale } = tctx;
    const compound = authorize(await findCompoundProperty(tx, input.compoundId), {
      see: (c) => canReadCompoundProperty(actor, c),
      act: (c) => canEditCompoundProperty(actor, c),
      entity: 'compound',
    });
    const issues: FieldIssue[] = [];
    if (input.orgId) {
      const org = await findPropertyOrg(tx, input.orgId);
      if (!org || org.kind !== 'property' || org.streetId !== compound.streetId)
        issues.push({ path: 'orgId', message: M.notPropertyCompany()[locale] });
      if (!input.contractStart) issues.push({ path: 'contractStart', message: M.contractStartRequired()[locale] });
      if (input.contractStart && input.contractEnd && input.contractEnd < input.contractStart)
        issues.push({ path: 'contractEnd', message: M.contractEndBeforeStart()[locale] });
    } else if (input.contractStart || input.contractEnd) {
      issues.push({ path: input.contractStart ? 'contractStart' : 'contractEnd', message: M.noContractWithoutCompany()[locale] });
    }
    if (issues.length) throw invalid(issues);
    const before = await lockCompoundProperty(tx, compound.compoundId);
    await upsertCompoundProperty(tx, {
      compoundId: compound.compoundId,
      districtId: compound.districtId!,
      streetId: compound.streetId!,
      communityId: compound.communityId!,
      orgId: input.orgId,
      contractStart: input.contractStart,
      contractEnd: input.contractEnd,
    });
    await writeAudit(tctx, {
      action: 'compound_property.update',
      entityType: 'compound',
      entityId: compound.compoundId,
      streetId: compound.streetId,
      communityId: compound.communityId,
      details: { from: before?.orgId ?? null, to: input.orgId, contractStart: input.contractStart, contractEnd: input.contractEnd },
    });
    return presentCompoundProperty(actor, (await findCompoundProperty(tx, compound.compoundId))!);
  });
}
