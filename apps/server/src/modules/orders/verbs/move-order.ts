import type { OrderDto, OrderMoveInput, OrderMoveResult } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type AuthedCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { AppError, conflict } from '../../../core/errors.js';
import { presentLoadedOrder } from '../access.js';
import { ORDER_MESSAGES } from '../messages.js';
import { effectsOf } from '../move-effects.js';
import { type MoveDecision, canAttemptMove, canReadOrder, decideMoveForActor } from '../policy.js';
import { type OrderRow, communityMayClose, findService, lockOrder, lockOrdersInIdOrder, updateOrderVersioned } from '../repo.js';
import { appendOrderEvent } from '../repo-events.js';

export type MoveOrderInput = OrderMoveInput & { id: string };
type GuardResult = Extract<OrderMoveResult, { reason: 'guard' }>;

/** Why the roles that may make this move could not make it now: 409 naming the guard, else the state. */
function refusal(ctx: AuthedCtx, order: OrderRow, input: OrderMoveInput, decisions: MoveDecision[]): AppError {
  const guarded = decisions.map((d) => d.result).find((r): r is GuardResult => !r.ok && r.reason === 'guard');
  if (guarded)
    return new AppError('INVALID_TRANSITION', ORDER_MESSAGES.guard(guarded.guard)[ctx.locale], {
      status: order.status,
      event: input.event,
      guard: guarded.guard,
    });
  return new AppError('INVALID_TRANSITION', ORDER_MESSAGES.illegalMove(order.status, input.event)[ctx.locale], {
    status: order.status,
    event: input.event,
  });
}

/**
 * POST /api/orders/:id/events: one move under a row lock. The state machine decides for the roles the actor holds
 * on the order, the effects set deadlines, timestamps and figures, one timeline event and one audit row record it.
 */
export async function moveOrder({ ctx, input }: VerbArgs<MoveOrderInput>): Promise<OrderDto> {
  const moved = await inTx(ctx, async (tctx) => {
    const { tx, actor } = tctx;
    if (input.event === 'merge') await lockOrdersInIdOrder(tx, [input.id, input.intoOrderId]);
    const locked = await lockOrder(tx, input.id);
    const mayClose = locked ? await communityMayClose(tx, locked.communityId) : false;
    const order = authorize(locked, {
      see: (o) => canReadOrder(actor, o),
      act: (o) => canAttemptMove(actor, o, input, mayClose),
      entity: 'order',
    });
    if (input.version !== undefined && input.version !== order.version)
      throw conflict(ORDER_MESSAGES.staleVersion()[ctx.locale], { version: order.version });
    const decisions = decideMoveForActor(actor, order, input, mayClose);
    const chosen = decisions.find((d) => d.result.ok);
    if (!chosen || !chosen.result.ok) throw refusal(ctx, order, input, decisions);
    const to = chosen.result.to;
    const service = (await findService(tx, order.serviceId))!;
    const now = new Date();
    const effects = await effectsOf({ tctx, order, service, to, role: chosen.role, now }, input);
    const after = await updateOrderVersioned(tx, order.id, { ...effects.patch, status: to }, now);
    const eventId = await appendOrderEvent(tx, order, {
      kind: input.event,
      actor: { id: actor.userId, name: actor.displayName },
      fromStatus: order.status,
      toStatus: to,
      text: effects.text,
      details: effects.details,
      at: now,
    });
    await effects.after?.(eventId);
    await writeAudit(tctx, {
      action: `order.${input.event}`,
      entityType: 'order',
      entityId: order.id,
      streetId: order.streetId,
      communityId: order.communityId,
      details: { orderNo: order.orderNo, from: order.status, to, role: chosen.role },
    });
    return after;
  });
  // presented from the row, not re-read through the read policy: a handler who returned or lost the order by a
  // transfer made a valid move and gets the result, although the order is no longer theirs to read
  return presentLoadedOrder(ctx, moved);
}
