import { HEAD_RELATIONS, type HouseholdDto, type MoveInInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid, isUniqueViolation } from '../../../core/errors.js';
import { careTagsOf } from '../../care-tags/repo.js';
import { householdForWrite } from '../access.js';
import { householdCard } from '../cards.js';
import { historyScope } from '../history.js';
import { idTakenError, prepareMembers } from '../members.js';
import { otherHeadExists } from '../repo.js';
import { insertHistory, insertResidents } from '../repo-write.js';
import { oneHeadIssue, requireLiveHousehold } from '../rules.js';

/** 迁入: a person joins an existing household (a second head is refused). */
export async function moveInResident({ ctx, input }: VerbArgs<MoveInInput & { householdId: string }>): Promise<HouseholdDto> {
  const { householdId: id, ...person } = input;
  try {
    await inTx(ctx, async (tctx) => {
      const h = await householdForWrite(tctx, id);
      requireLiveHousehold(h, ctx.locale);
      if (HEAD_RELATIONS.includes(person.relation) && (await otherHeadExists(tctx.tx, id, null)))
        throw invalid([oneHeadIssue(ctx.locale, 'relation')]);
      const tags = await careTagsOf(tctx.tx, h.communityId);
      const [member] = await prepareMembers(tctx, h, [{ input: person, path: '' }], tags);
      await insertResidents(tctx.tx, [member!.row]);
      const scope = historyScope(h);
      const entityId = member!.row.id!;
      await insertHistory(tctx.tx, ctx.actor, [
        { action: 'move_in', entityType: 'resident', entityId, householdId: id, scope, changes: member!.changes },
      ]);
      await writeAudit(tctx, {
        action: 'registry.resident.move_in',
        entityType: 'resident',
        entityId,
        ...scope,
        details: { householdId: id },
      });
    });
  } catch (e) {
    throw isUniqueViolation(e) ? idTakenError(ctx.locale, 'idNumber') : e;
  }
  return householdCard(ctx, id);
}
