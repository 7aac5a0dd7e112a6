import { type FieldValue, type OrderChannel, stageDueAt } from '@linli/contracts';
import { writeAudit } from '../../core/audit.js';
import type { Ctx, TxCtx } from '../../core/context.js';
import { claimAttachments } from '../attachments/claim.js';
import { type OrderRow, type ServiceRow, insertOrder, nextOrderSequence } from './repo.js';
import { appendOrderEvent } from './repo-events.js';

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
  /** an outside link sent with the order (Open311's media_url): not an upload, kept on the timeline */
  mediaUrl?: string | null;
  /** the audit row's name for a placer who is no user (an Open311 key), and what the channel adds to its details */
  audit?: { actorName?: string; details?: Record<string, unknown> };
};

const NO_OWNER = '00000000-0000-0000-0000-000000000000';
const LOCAL_OFFSET_MS = 8 * 3600_000;

/** yyyymmdd of `at` in China time. */
function localDay(at: Date): string {
  return new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Inserts an order that was already checked (service, fields, scope), with its number, its dispatch deadline and
 * the encrypted contact phone; appends the 'place' event, claims the attachments for it, and writes the one
 * 'order.place' audit row last. Every intake uses it: portal, proxy, desk, meeting and Open311.
 */
export async function recordPlacedOrder(tctx: TxCtx<Ctx>, rec: NewOrderRecord): Promise<OrderRow> {
  const { tx, pii } = tctx;
  const now = rec.now ?? new Date();
  const { service, location } = rec;
  const due = stageDueAt('dispatch', now, service.timeLimits, { emergency: service.emergency });
  const orderNo = `${localDay(now)}${String(await nextOrderSequence(tx)).padStart(7, '0')}`;
  const order = await insertOrder(tx, {
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
  });
  const eventId = await appendOrderEvent(tx, order, {
    kind: 'place',
    actor: rec.placedBy,
    toStatus: 'placed',
    text: rec.description,
    details: { channel: rec.channel, serviceId: service.id, ...(rec.consent ? { consent: rec.consent } : {}), ...rec.intakeDetails },
    at: now,
  });
  // without an owner no upload can match, so the claim fails with the usual field error instead of being skipped
  const ownerId = rec.ownerId ?? NO_OWNER;
  await claimAttachments(tx, { ids: rec.attachmentIds, ownerId, orderId: order.id, eventId }, tctx.locale);
  if (rec.mediaUrl) await appendOrderEvent(tx, order, { kind: 'attach', text: rec.mediaUrl, details: { mediaUrl: rec.mediaUrl } });
  await writeAudit(tctx, {
    action: 'order.place',
    entityType: 'order',
    entityId: order.id,
    streetId: order.streetId,
    communityId: order.communityId,
    actorName: rec.audit?.actorName,
    details: { orderNo: order.orderNo, channel: order.channel, serviceId: service.id, ...rec.audit?.details },
  });
  return order;
}
