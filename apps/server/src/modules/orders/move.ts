import { type OrderDto, type OrderMoveInput, type OrderMoveResult, type Role, decideOrderMove } from '@linli/contracts';
import { eq, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, conflict, forbidden } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import { orders, services } from '../../db/schema/index.js';
import { appendOrderEvent } from './events.js';
import { ORDER_MESSAGES } from './messages.js';
import { effectsOf } from './move-effects.js';
import type { OrderRow } from './order-row.js';
import { canReadOrder, isOrderHandler, orderRolesOf } from './policy.js';
import { presentReadableOrder } from './read-service.js';
import { communityMayClose } from './settings.js';

type Decision = { role: Role; result: OrderMoveResult };
type GuardResult = Extract<OrderMoveResult, { reason: 'guard' }>;

/** The machine's answer for each role the actor holds on the order; the resident first, so their rating counts as their own. */
function decide(order: OrderRow, ctx: AuthedCtx, input: OrderMoveInput, roles: Role[], mayClose: boolean): Decision[] {
  const ordered = [...roles].sort((a, b) => Number(b === 'resident') - Number(a === 'resident'));
  const machine = {
    status: order.status,
    suspendedFrom: order.suspendedFrom,
    extensionPending: order.extensionPendingHours !== null,
    actorIsHandler: isOrderHandler(ctx.actor, order) || order.handledBy === ctx.actor.userId,
    communityMayClose: mayClose,
    outcome: input.event === 'close' ? input.outcome : null,
  };
  return ordered.map((role) => ({ role, result: decideOrderMove(machine, input.event, role) }));
}

/** Why the roles that may make this move could not make it now: 409 naming the guard, else the state. */
function refusal(ctx: AuthedCtx, order: OrderRow, input: OrderMoveInput, decisions: Decision[]): AppError {
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
 * Makes one move on an order under a row lock: the state machine decides for the roles the actor holds on the order,
 * the effects set deadlines, timestamps and figures, one timeline event and one audit row record it.
 */
export async function moveOrder({
  ctx,
  pii,
  input,
}: {
  ctx: AuthedCtx;
  pii: Pii;
  input: OrderMoveInput & { id: string };
}): Promise<OrderDto> {
  const moved = await ctx.db.transaction(async (tx) => {
    // a merge locks both orders in id order, so two merges crossing each other queue instead of deadlocking
    if (input.event === 'merge')
      await tx
        .select({ id: orders.id })
        .from(orders)
        .where(inArray(orders.id, [input.id, input.intoOrderId]))
        .orderBy(orders.id)
        .for('update');
    const [order] = await tx.select().from(orders).where(eq(orders.id, input.id)).for('update');
    if (!order || !canReadOrder(ctx.actor, order)) throw new AppError('NOT_FOUND', undefined, { entity: 'order' });
    const mayClose = await communityMayClose(tx, order.communityId);
    const decisions = decide(order, ctx, input, orderRolesOf(ctx.actor, order, { communityMayClose: mayClose }), mayClose);
    if (decisions.every((d) => !d.result.ok && d.result.reason === 'role')) throw forbidden();
    if (input.version !== undefined && input.version !== order.version)
      throw conflict(ORDER_MESSAGES.staleVersion()[ctx.locale], { version: order.version });
    const chosen = decisions.find((d) => d.result.ok);
    if (!chosen || !chosen.result.ok) throw refusal(ctx, order, input, decisions);
    const to = chosen.result.to;
    const [service] = await tx.select().from(services).where(eq(services.id, order.serviceId));
    const now = new Date();
    const effects = await effectsOf({ tx, ctx, order, service: service!, to, role: chosen.role, now }, input);
    const [after] = await tx
      .update(orders)
      .set({ ...effects.patch, status: to, version: sql`${orders.version} + 1`, updatedAt: now })
      .where(eq(orders.id, order.id))
      .returning();
    const eventId = await appendOrderEvent(tx, order, {
      kind: input.event,
      actor: { id: ctx.actor.userId, name: ctx.actor.displayName },
      fromStatus: order.status,
      toStatus: to,
      text: effects.text,
      details: effects.details,
      at: now,
    });
    await effects.after?.(eventId);
    await writeAudit(tx, ctx, {
      action: `order.${input.event}`,
      entityType: 'order',
      entityId: order.id,
      streetId: order.streetId,
      communityId: order.communityId,
      details: { orderNo: order.orderNo, from: order.status, to, role: chosen.role },
    });
    return after!;
  });
  // presented from the row, not re-read through the read policy: a handler who returned or lost the order by a
  // transfer made a valid move and gets the result, although the order is no longer theirs to read
  return presentReadableOrder(ctx, moved, pii);
}
