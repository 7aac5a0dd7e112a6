import type { HouseholdDto, MoveOutInput } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { householdForWrite } from '../access.js';
import { householdCard } from '../cards.js';
import { HOUSEHOLD_FIELDS, diffFields, historyScope } from '../history.js';
import { insertHistory, lockActiveMembers, updateHouseholdRow, updateMembers } from '../repo-write.js';
import { futureDateIssue, requireLiveHousehold } from '../rules.js';

/** 整户迁出: the household and all its active members leave. */
export async function moveOutHousehold({ ctx, input }: VerbArgs<MoveOutInput & { householdId: string }>): Promise<HouseholdDto> {
  const id = input.householdId;
  await inTx(ctx, async (tctx) => {
    const h = await householdForWrite(tctx, id);
    requireLiveHousehold(h, ctx.locale, 'moved_out');
    const bad = futureDateIssue(input.date, ctx.locale);
    if (bad) throw invalid([bad]);
    const members = await lockActiveMembers(tctx.tx, id);
    await updateHouseholdRow(tctx.tx, id, { status: 'moved_out', movedOutOn: input.date });
    await updateMembers(
      tctx.tx,
      members.map((m) => m.id),
      { status: 'moved_out', movedOutOn: input.date },
    );
    const scope = historyScope(h);
    const left = { status: 'moved_out', movedOutOn: input.date };
    await insertHistory(tctx.tx, ctx.actor, [
      {
        action: 'move_out',
        entityType: 'household',
        entityId: id,
        householdId: id,
        scope,
        changes: diffFields(h, { ...left, reason: input.reason ?? null }, HOUSEHOLD_FIELDS),
      },
      ...members.map((m) => ({
        action: 'move_out',
        entityType: 'resident' as const,
        entityId: m.id,
        householdId: id,
        scope,
        changes: diffFields(m, left, ['status', 'movedOutOn']),
      })),
    ]);
    await writeAudit(tctx, {
      action: 'registry.household.move_out',
      entityType: 'household',
      entityId: id,
      ...scope,
      details: { members: members.length },
    });
  });
  return householdCard(ctx, id);
}
