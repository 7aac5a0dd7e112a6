import type { CreateOrderInput, OrderDto } from '@linli/contracts';
import { type AuthedCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { invalid, isUniqueViolation } from '../../../core/errors.js';
import { presentLoadedOrder } from '../access.js';
import { type IntakeCtx, fieldIssues, resolveIntake, serviceFor } from '../intake.js';
import { placedOrderRefs } from '../placed-refs.js';
import { presentOrder } from '../presenter.js';
import { type NewOrderRecord, insertPlaced, recordPlaced } from '../record.js';
import { type OrderRow, findOrderIdByIdempotencyKey } from '../repo.js';
import type { PlacedOrderResult } from '../repo-place.js';
import type { OrderRefs } from '../repo-refs.js';
import { getOrder } from './get-order.js';

export type PlaceOrderInput = CreateOrderInput & { idempotencyKey: string | null };
export type PlacedOrder = { order: OrderDto; created: boolean };
type Placed = { row: OrderRow; refs: OrderRefs | null };

function constraintOf(e: { constraint?: string; cause?: { constraint?: string } }): string | undefined {
  return e.constraint ?? e.cause?.constraint;
}

/** Checks the intake, the service and its fields through `c.tx`, then writes the order with `record`. */
async function checkAndRecord(
  c: IntakeCtx,
  order: CreateOrderInput,
  idempotencyKey: string | null,
  record: (rec: NewOrderRecord) => Promise<PlacedOrderResult>,
): Promise<Placed> {
  const { service: asked, ...intake } = await resolveIntake(c, order.intake, order.serviceId);
  const service = serviceFor(c, asked, intake.location);
  const issues = fieldIssues(service.fields, order.fields, c.locale);
  if (issues.length > 0) throw invalid(issues);
  const placedBy = { id: c.actor.userId, name: c.actor.displayName };
  const done = await record({
    service,
    ...intake,
    description: order.description,
    fields: order.fields,
    placedBy,
    idempotencyKey,
    open311Token: null,
    lat: null,
    long: null,
    attachmentIds: order.attachmentIds,
    ownerId: c.actor.userId,
    audit: { details: { attachments: order.attachmentIds.length } },
  });
  return { row: done.order, refs: placedOrderRefs(service, intake.location, placedBy, done.communityMayClose) };
}

/**
 * With uploads to claim, one transaction (a failed claim undoes the order). Without, the reads are single
 * statements and the placement is one atomic statement, so no BEGIN/COMMIT round trips (READ COMMITTED gave the
 * reads no more than this).
 */
function placeChecked(ctx: AuthedCtx, order: CreateOrderInput, idempotencyKey: string | null): Promise<Placed> {
  if (order.attachmentIds.length > 0)
    return inTx(ctx, (tctx) => checkAndRecord(tctx, order, idempotencyKey, (rec) => recordPlaced(tctx, rec)));
  const c = { ...ctx, tx: ctx.db };
  return checkAndRecord(c, order, idempotencyKey, (rec) => insertPlaced(c, rec));
}

/**
 * Places an order through the portal, a proxy, the desk or a meeting decision. With an idempotency key, a retry by
 * the same user (even one racing the first) answers the order already made, with `created: false`.
 */
export async function placeOrder({ ctx, input }: VerbArgs<PlaceOrderInput>): Promise<PlacedOrder> {
  const { idempotencyKey, ...order } = input;
  const existing = idempotencyKey ? await findOrderIdByIdempotencyKey(ctx.db, ctx.actor.userId, idempotencyKey) : null;
  if (existing) return { order: await getOrder({ ctx, input: { id: existing } }), created: false };
  let placed: Placed;
  try {
    placed = await placeChecked(ctx, order, idempotencyKey);
  } catch (e) {
    const raced = idempotencyKey && isUniqueViolation(e) && constraintOf(e) === 'orders_idempotency_uq';
    const winner = raced ? await findOrderIdByIdempotencyKey(ctx.db, ctx.actor.userId, idempotencyKey) : null;
    if (!winner) throw e;
    return { order: await getOrder({ ctx, input: { id: winner } }), created: false };
  }
  // the placer may read what they placed: present the inserted row with the names in hand instead of reading them back
  const { row, refs } = placed;
  const dto = refs ? presentOrder(row, { refs, pii: ctx.pii, actor: ctx.actor, now: new Date() }) : await presentLoadedOrder(ctx, row);
  return { order: dto, created: true };
}
