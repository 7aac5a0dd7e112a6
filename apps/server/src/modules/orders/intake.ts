import { type CreateOrderInput, type FieldIssue, type Locale, type OrderDto, type ServiceField, checkFieldValues } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../core/audit.js';
import type { AuthedCtx } from '../../core/context.js';
import { invalid, isUniqueViolation } from '../../core/errors.js';
import type { Pii } from '../../core/pii.js';
import type { Tx } from '../../db/pool.js';
import { orders, services } from '../../db/schema/index.js';
import { resolveIntake } from './intake-location.js';
import { ORDER_MESSAGES } from './messages.js';
import type { OrderRow } from './order-row.js';
import { getOrder, presentReadableOrder } from './read-service.js';
import { type OrderLocation, type ServiceRow, createOrderRecord } from './record.js';

/** The service must be active and in the catalogue of the street the order is in. */
async function serviceFor(tx: Tx, id: string, location: OrderLocation, locale: Locale): Promise<ServiceRow> {
  const [service] = await tx.select().from(services).where(eq(services.id, id));
  if (!service || !service.active || service.streetId !== location.streetId)
    throw invalid([{ path: 'serviceId', message: ORDER_MESSAGES.unknownService()[locale] }]);
  return service;
}

/** One localised issue per bad custom field, naming the field by its label. */
export function fieldIssues(fields: readonly ServiceField[], values: CreateOrderInput['fields'], locale: Locale): FieldIssue[] {
  const labels = new Map(fields.map((f) => [`fields.${f.code}`, f.label]));
  return checkFieldValues(fields, values).map(({ path, problem }) => {
    const label = labels.get(path) ?? path;
    const text = {
      required: ORDER_MESSAGES.fieldRequired(label),
      type: ORDER_MESSAGES.fieldType(label),
      option: ORDER_MESSAGES.fieldOption(label),
      unknown: ORDER_MESSAGES.fieldUnknown(),
    }[problem];
    return { path, message: text[locale] };
  });
}

function constraintOf(e: { constraint?: string; cause?: { constraint?: string } }): string | undefined {
  return e.constraint ?? e.cause?.constraint;
}

async function findByIdempotencyKey(ctx: AuthedCtx, key: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.placedBy, ctx.actor.userId), eq(orders.idempotencyKey, key)));
  return row?.id ?? null;
}

/**
 * Places an order through the portal, a proxy, the desk or a meeting decision. With an idempotency key, a retry by
 * the same user (even one racing the first) answers the order already made, with `created: false`.
 */
export async function placeOrder({
  ctx,
  pii,
  input,
  idempotencyKey = null,
}: {
  ctx: AuthedCtx;
  pii: Pii;
  input: CreateOrderInput;
  idempotencyKey?: string | null;
}): Promise<{ order: OrderDto; created: boolean }> {
  const existing = idempotencyKey ? await findByIdempotencyKey(ctx, idempotencyKey) : null;
  if (existing) return { order: await getOrder({ ctx, pii, input: { id: existing } }), created: false };
  let placed: OrderRow;
  try {
    placed = await ctx.db.transaction(async (tx) => {
      const intake = await resolveIntake(tx, pii, ctx, input.intake);
      const service = await serviceFor(tx, input.serviceId, intake.location, ctx.locale);
      const issues = fieldIssues(service.fields, input.fields, ctx.locale);
      if (issues.length > 0) throw invalid(issues);
      const order = await createOrderRecord(tx, pii, {
        service,
        ...intake,
        description: input.description,
        fields: input.fields,
        placedBy: { id: ctx.actor.userId, name: ctx.actor.displayName },
        idempotencyKey,
        open311Token: null,
        lat: null,
        long: null,
        attachmentIds: input.attachmentIds,
        ownerId: ctx.actor.userId,
        locale: ctx.locale,
      });
      await writeAudit(tx, ctx, {
        action: 'order.place',
        entityType: 'order',
        entityId: order.id,
        streetId: order.streetId,
        communityId: order.communityId,
        details: { orderNo: order.orderNo, channel: order.channel, serviceId: service.id, attachments: input.attachmentIds.length },
      });
      return order;
    });
  } catch (e) {
    const raced = idempotencyKey && isUniqueViolation(e) && constraintOf(e) === 'orders_idempotency_uq';
    const winner = raced ? await findByIdempotencyKey(ctx, idempotencyKey) : null;
    if (!winner) throw e;
    return { order: await getOrder({ ctx, pii, input: { id: winner } }), created: false };
  }
  // the placer may read what they placed: present the inserted row instead of reading it back
  return { order: await presentReadableOrder(ctx, placed, pii), created: true };
}
