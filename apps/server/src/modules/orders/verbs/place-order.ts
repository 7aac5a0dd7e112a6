import type { CreateOrderInput, OrderDto } from '@linli/contracts';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid, isUniqueViolation } from '../../../core/errors.js';
import { presentLoadedOrder } from '../access.js';
import { fieldIssues, resolveIntake, serviceFor } from '../intake.js';
import { recordPlacedOrder } from '../record.js';
import { type OrderRow, findOrderIdByIdempotencyKey } from '../repo.js';
import { getOrder } from './get-order.js';

export type PlaceOrderInput = CreateOrderInput & { idempotencyKey: string | null };
export type PlacedOrder = { order: OrderDto; created: boolean };

function constraintOf(e: { constraint?: string; cause?: { constraint?: string } }): string | undefined {
  return e.constraint ?? e.cause?.constraint;
}

/**
 * Places an order through the portal, a proxy, the desk or a meeting decision. With an idempotency key, a retry by
 * the same user (even one racing the first) answers the order already made, with `created: false`.
 */
export async function placeOrder({ ctx, input }: VerbArgs<PlaceOrderInput>): Promise<PlacedOrder> {
  const { idempotencyKey, ...order } = input;
  const existing = idempotencyKey ? await findOrderIdByIdempotencyKey(ctx.db, ctx.actor.userId, idempotencyKey) : null;
  if (existing) return { order: await getOrder({ ctx, input: { id: existing } }), created: false };
  let placed: OrderRow;
  try {
    placed = await inTx(ctx, async (tctx) => {
      const intake = await resolveIntake(tctx, order.intake);
      const service = await serviceFor(tctx, order.serviceId, intake.location);
      const issues = fieldIssues(service.fields, order.fields, ctx.locale);
      if (issues.length > 0) throw invalid(issues);
      return recordPlacedOrder(tctx, {
        service,
        ...intake,
        description: order.description,
        fields: order.fields,
        placedBy: { id: ctx.actor.userId, name: ctx.actor.displayName },
        idempotencyKey,
        open311Token: null,
        lat: null,
        long: null,
        attachmentIds: order.attachmentIds,
        ownerId: ctx.actor.userId,
        audit: { details: { attachments: order.attachmentIds.length } },
      });
    });
  } catch (e) {
    const raced = idempotencyKey && isUniqueViolation(e) && constraintOf(e) === 'orders_idempotency_uq';
    const winner = raced ? await findOrderIdByIdempotencyKey(ctx.db, ctx.actor.userId, idempotencyKey) : null;
    if (!winner) throw e;
    return { order: await getOrder({ ctx, input: { id: winner } }), created: false };
  }
  // the placer may read what they placed: present the inserted row instead of reading it back
  return { order: await presentLoadedOrder(ctx, placed), created: true };
}
