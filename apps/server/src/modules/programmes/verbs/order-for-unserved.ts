import { type OrderDto, type UnservedOrderInput, localDate } from '@linli/contracts';
import { canOn } from '../../../core/actor.js';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { placeOrder } from '../../orders/verbs/place-order.js';
import { canOrderForResident, canSeeProgramme } from '../policy.js';
import { findProgrammeView, findResidentForEnrolment } from '../repo.js';

export type OrderForUnservedArgs = UnservedOrderInput & { programmeId: string; residentId: string };

/**
 * POST /api/programmes/:id/unserved/:residentId/order: the need of someone eligible but not served becomes a service
 * order placed for them (channel `proxy`, with their consent) through the orders module; the same service for the
 * same person on the same day answers the order already placed (a double tap on a phone orders once). Audited.
 */
export async function orderForUnserved({ ctx, input }: VerbArgs<OrderForUnservedArgs>): Promise<OrderDto> {
  requireAbility(ctx.actor, 'programmes.read');
  requireAbility(ctx.actor, 'orders.place');
  const programme = authorize(await findProgrammeView(ctx.db, input.programmeId), {
    see: (p) => canSeeProgramme(ctx.actor, p),
    entity: 'programme',
  });
  const today = localDate();
  const resident = authorize(await findResidentForEnrolment(ctx.db, input.residentId, today), {
    see: (r) => r.communityId === programme.communityId && canOn(ctx.actor, 'registry.read', r),
    act: (r) => canOrderForResident(ctx.actor, r),
    entity: 'resident',
  });
  const placed = await placeOrder({
    ctx,
    input: {
      serviceId: input.serviceId,
      description: input.description,
      fields: input.fields,
      attachmentIds: [],
      intake: { channel: 'proxy', householdId: resident.householdId, residentId: resident.id, consent: input.consent },
      idempotencyKey: `programme-unserved:${programme.id}:${resident.id}:${input.serviceId}:${today}`,
    },
  });
  if (placed.created) {
    await inTx(ctx, (tctx) =>
      writeAudit(tctx, {
        action: 'programme.order',
        entityType: 'programme',
        entityId: programme.id,
        streetId: programme.streetId,
        communityId: programme.communityId,
        details: { residentId: resident.id, orderId: placed.order.id, orderNo: placed.order.orderNo },
      }),
    );
  }
  return placed.order;
}
