import { type CreateVisitInput, type VisitDto, localDate } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { conflict, invalid } from '../../../core/errors.js';
import { VISIT_MESSAGES } from '../messages.js';
import { canReadVisits, canRecordVisit } from '../policy.js';
import { presentVisit } from '../presenter.js';
import { findVisit, insertVisit, lockHousehold } from '../repo.js';

/** POST /api/households/:id/visits: records a visit by the acting user; the date may not lie in the future, every need found starts open. */
export async function recordVisit({ ctx, input }: VerbArgs<CreateVisitInput & { householdId: string }>): Promise<VisitDto> {
  requireAbility(ctx.actor, 'registry.read');
  const id = await inTx(ctx, async (tctx) => {
    const household = authorize(await lockHousehold(tctx.tx, input.householdId), {
      see: (h) => canReadVisits(ctx.actor, h),
      act: (h) => canRecordVisit(ctx.actor, h),
      entity: 'household',
    });
    if (household.status !== 'active') throw conflict(VISIT_MESSAGES.movedOut()[ctx.locale], { reason: 'moved_out' });
    if (input.visitedOn > localDate()) throw invalid([{ path: 'visitedOn', message: VISIT_MESSAGES.future()[ctx.locale] }]);
    const { id: householdId, status: _status, ...scope } = household;
    const visitId = await insertVisit(tctx.tx, {
      householdId,
      ...scope,
      visitorId: ctx.actor.userId,
      visitedOn: input.visitedOn,
      kind: input.kind,
      notes: input.notes,
      needs: input.needs.map((text) => ({ text, status: 'open' as const, orderId: null })),
    });
    await writeAudit(tctx, {
      action: 'visit.create',
      entityType: 'visit',
      entityId: visitId,
      streetId: household.streetId,
      communityId: household.communityId,
      details: { householdId, kind: input.kind, visitedOn: input.visitedOn, needs: input.needs.length },
    });
    return visitId;
  });
  return presentVisit((await findVisit(ctx.db, id))!);
}
