import { randomUUID } from 'node:crypto';
import { type CreateHouseholdInput, HEAD_RELATIONS, type HouseholdDto } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid, isUniqueViolation } from '../../../core/errors.js';
import { addressText } from '../../../core/person.js';
import { careTagsOf } from '../../care-tags/repo.js';
import { flatForWrite } from '../access.js';
import { householdCard } from '../cards.js';
import { HOUSEHOLD_FIELDS, diffFields, historyScope } from '../history.js';
import { idTakenError, prepareMembers } from '../members.js';
import { findHousehold } from '../repo.js';
import { insertHistory, insertHousehold, insertResidents } from '../repo-write.js';
import { futureDateIssue, oneHeadIssue, tagIssue } from '../rules.js';

/** 建档: a household in a flat with its members, exactly one of them the head. */
export async function createHousehold({ ctx, input }: VerbArgs<CreateHouseholdInput>): Promise<HouseholdDto> {
  const id = randomUUID();
  try {
    await inTx(ctx, async (tctx) => {
      const flat = await flatForWrite(tctx, input.flatId);
      const tags = await careTagsOf(tctx.tx, flat.communityId);
      const heads = input.members.filter((m) => HEAD_RELATIONS.includes(m.relation)).length;
      const early = [
        heads === 1 ? null : oneHeadIssue(ctx.locale, 'members'),
        tagIssue(input.tags, [], tags, 'household', { path: 'tags', locale: ctx.locale }),
        futureDateIssue(input.movedInOn, ctx.locale, 'movedInOn'),
      ].filter((i) => i !== null);
      if (early.length > 0) throw invalid(early);
      const household = {
        id,
        flatId: flat.id,
        buildingId: flat.buildingId,
        gridId: flat.gridId,
        compoundId: flat.compoundId,
        communityId: flat.communityId,
        streetId: flat.streetId,
        districtId: flat.districtId,
      };
      const members = await prepareMembers(
        tctx,
        household,
        input.members.map((m, i) => ({ input: { ...m, movedInOn: input.movedInOn }, path: `members.${i}` })),
        tags,
      );
      await insertHousehold(tctx.tx, {
        ...household,
        tenure: input.tenure,
        tags: [...new Set(input.tags)],
        movedInOn: input.movedInOn ?? null,
      });
      await insertResidents(
        tctx.tx,
        members.map((m) => m.row),
      );
      const created = await findHousehold(tctx.tx, id);
      const snapshot = {
        address: created ? addressText(created.address) : null,
        tenure: input.tenure,
        tags: input.tags,
        status: 'active',
        movedInOn: input.movedInOn ?? null,
      };
      const scope = historyScope(flat);
      await insertHistory(tctx.tx, ctx.actor, [
        {
          action: 'create',
          entityType: 'household',
          entityId: id,
          householdId: id,
          scope,
          changes: diffFields(null, snapshot, HOUSEHOLD_FIELDS),
        },
        ...members.map((m) => ({
          action: 'create',
          entityType: 'resident' as const,
          entityId: m.row.id!,
          householdId: id,
          scope,
          changes: m.changes,
        })),
      ]);
      await writeAudit(tctx, {
        action: 'registry.household.create',
        entityType: 'household',
        entityId: id,
        ...scope,
        details: { flatId: flat.id, members: members.length },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? idTakenError(ctx.locale, 'members') : e;
  }
  return householdCard(ctx, id);
}
