import type { OwnerRecordDto, OwnerRecordInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { CONSULTATION_MESSAGES as M } from '../messages.js';
import { canManageConsultation } from '../policy.js';
import { findVoter } from '../repo.js';
import { householdFlat, setOwnership } from '../repo-owners.js';

/**
 * PUT /api/consultations/owners/:id: registers the resident's household as the owner (业主) of the flat it lives in,
 * with the flat's floor area, for owners' votes; `owner: false` keeps the area and clears the owner.
 */
export async function recordOwner({ ctx, input }: VerbArgs<OwnerRecordInput & { id: string }>): Promise<OwnerRecordDto> {
  requireAbility(ctx.actor, 'consultations.manage');
  return inTx(ctx, async (tctx) => {
    const { tx, actor, locale } = tctx;
    const voter = authorize(await findVoter(tx, input.id), { see: (v) => canManageConsultation(actor, v), entity: 'resident' });
    const flat = await householdFlat(tx, voter.householdId);
    if (!flat) throw invalid([{ path: 'id', message: M.noFlat()[locale] }]);
    const area = Math.round(input.floorAreaM2 * 100) / 100;
    const owner = input.owner ? voter.householdId : null;
    await setOwnership(tx, flat.flatId, area, owner);
    await writeAudit(tctx, {
      action: 'flat.ownership',
      entityType: 'flat',
      entityId: flat.flatId,
      streetId: voter.streetId,
      communityId: voter.communityId,
      details: { floorAreaM2: area, ownerHouseholdId: owner, before: { floorAreaM2: flat.floorAreaM2, owner: flat.ownerHouseholdId } },
    });
    return { flatId: flat.flatId, floorAreaM2: area, ownerHouseholdId: owner };
  });
}
