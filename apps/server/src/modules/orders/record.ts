import { type FieldValue, type Locale, type OrderChannel, stageDueAt } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import type { Pii } from '../../core/pii.js';
import type { Tx } from '../../db/pool.js';
import { orders, type services } from '../../db/schema/index.js';
import { claimAttachments } from '../attachments/claim.js';
import { appendOrderEvent } from './events.js';
import type { OrderRow } from './order-row.js';

export type { OrderRow } from './order-row.js';
export type ServiceRow = typeof services.$inferSelect;

/** Where an order happens: the area ids it is scoped by, and the address text shown with it. */
export type OrderLocation = {
  districtId: string;
  streetId: string;
  communityId: string;
  compoundId: string | null;
  gridId: string | null;
  buildingId: string | null;
  flatId: string | null;
  householdId: string | null;
  residentId: string | null;
  address: string;
};

export type NewOrderRecord = {
  service: ServiceRow;
  location: OrderLocation;
  channel: OrderChannel;
  description: string;
  fields: Record<string, FieldValue>;
  contact: { name: string | null; phone: string | null; email: string | null };
  placedBy: { id: string; name: string } | null;
  consent: { method: string; note: string } | null;
  idempotencyKey: string | null;
  open311Token: string | null;
  lat: string | null;
  long: string | null;
  attachmentIds: string[];
  /** who uploaded the attachments (the placing user, or the Open311 key's user) */
  ownerId: string | null;
  now?: Date;
  /** extra facts of the intake for the 'place' event (e.g. how the desk was reached) */
  intakeDetails?: Record<string, unknown>;
  /** language of field errors (an attachment id that cannot be claimed) */
  locale?: Locale;
};

const NO_OWNER = '00000000-0000-0000-0000-000000000000';
const LOCAL_OFFSET_MS = 8 * 3600_000;

/** yyyymmdd of `at` in China time. */
function localDay(at: Date): string {
  return new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Inserts an order that was already checked (service, fields, scope), with its number, its dispatch deadline and
 * the encrypted contact phone; appends the 'place' event and claims the attachments for it. Every intake uses it.
 */
export async function createOrderRecord(tx: Tx, pii: Pii, rec: NewOrderRecord): Promise<OrderRow> {
  const now = rec.now ?? new Date();
  const { service, location } = rec;
  const due = stageDueAt('dispatch', now, service.timeLimits, { emergency: service.emergency });
  const seq = await tx.execute<{ n: number }>(sql`SELECT nextval('order_no_seq') AS n`);
  const orderNo = `${localDay(now)}${String(seq.rows[0]!.n).padStart(7, '0')}`;
  const [order] = await tx
    .insert(orders)
    .values({
      orderNo,
      serviceId: service.id,
      category: service.category,
      emergency: service.emergency,
      status: 'placed',
      channel: rec.channel,
      description: rec.description,
      fields: rec.fields,
      ...location,
      contactName: rec.contact.name,
      contactPhoneEnc: rec.contact.phone ? pii.encrypt(rec.contact.phone) : null,
      contactEmail: rec.contact.email,
      placedBy: rec.placedBy?.id ?? null,
      consent: rec.consent,
      idempotencyKey: rec.idempotencyKey,
      open311Token: rec.open311Token,
      lat: rec.lat,
      long: rec.long,
      placedAt: now,
      stageStartedAt: now,
      stageDueAt: due,
      dispatchDueAt: due,
      updatedAt: now,
    })
    .returning();
  const eventId = await appendOrderEvent(tx, order!, {
    kind: 'place',
    actor: rec.placedBy,
    toStatus: 'placed',
    text: rec.description,
    details: { channel: rec.channel, serviceId: service.id, ...(rec.consent ? { consent: rec.consent } : {}), ...rec.intakeDetails },
    at: now,
  });
  // without an owner no upload can match, so the claim fails with the usual field error instead of being skipped
  const ownerId = rec.ownerId ?? NO_OWNER;
  await claimAttachments(tx, { ids: rec.attachmentIds, ownerId, orderId: order!.id, eventId }, rec.locale);
  return order!;
}
