import type { HouseholdDto, TransferHouseholdInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid, isUniqueViolation } from '../../../core/errors.js';
import { addressText } from '../../../core/person.js';
import { flatForWrite, householdForWrite } from '../access.js';
import { householdCard } from '../cards.js';
import { HOUSEHOLD_FIELDS, diffFields, historyScope } from '../history.js';
import { idTakenError } from '../members.js';
import { REGISTRY_MESSAGES as M } from '../messages.js';
import { findHousehold } from '../repo.js';
import { insertHistory, moveAllMembers, updateHouseholdRow } from '../repo-write.js';
import { futureDateIssue, requireLiveHousehold } from '../rules.js';

/** 转移: the household moves to another flat in the actor's scope; its scope ids, and its members', follow the flat. */
export async function transferHousehold({ ctx, input }: VerbArgs<TransferHouseholdInput & { householdId: string }>): Promise<HouseholdDto> {
  const id = input.householdId;
  try {
    await inTx(ctx, async (tctx) => {
      const h = await householdForWrite(tctx, id);
      requireLiveHousehold(h, ctx.locale);
      const bad = futureDateIssue(input.date, ctx.locale);
      if (bad) throw invalid([bad]);
      const flat = await flatForWrite(tctx, input.flatId);
      if (flat.id === h.flatId) throw invalid([{ path: 'flatId', message: M.sameFlat()[ctx.locale] }]);
      const before = await findHousehold(tctx.tx, id);
      const scope = {
        buildingId: flat.buildingId,
        gridId: flat.gridId,
        communityId: flat.communityId,
        streetId: flat.streetId,
        districtId: flat.districtId,
      };
      await updateHouseholdRow(tctx.tx, id, { ...scope, flatId: flat.id, compoundId: flat.compoundId, movedInOn: input.date });
      await moveAllMembers(tctx.tx, id, scope);
      const after = await findHousehold(tctx.tx, id);
      const changes = diffFields(
        { address: before && addressText(before.address), movedInOn: h.movedInOn },
        { address: after && addressText(after.address), movedInOn: input.date },
        HOUSEHOLD_FIELDS,
      );
      const to = historyScope(flat);
      await insertHistory(tctx.tx, ctx.actor, [
        { action: 'transfer', entityType: 'household', entityId: id, householdId: id, scope: to, changes },
      ]);
      await writeAudit(tctx, {
        action: 'registry.household.transfer',
        entityType: 'household',
        entityId: id,
        ...to,
        details: { fromFlatId: h.flatId, toFlatId: flat.id, fromCommunityId: h.communityId },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? idTakenError(ctx.locale, 'flatId') : e;
  }
  return householdCard(ctx, id);
}
