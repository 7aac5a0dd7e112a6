import { type FieldValue, type OrderChannel, stageDueAt } from '@linli/contracts';
import { randomUUID } from 'node:crypto';
import { auditValues } from '../../core/audit.js';
import type { Ctx, TxCtx } from '../../core/context.js';
import type { Db, Tx } from '../../db/pool.js';
import { claimAttachments } from '../attachments/claim.js';
import type { OrderRow, ServiceRow } from './repo.js';
import { appendOrderEvent } from './repo-events.js';
import { type PlacedOrderResult, insertPlacedOrder } from './repo-place.js';

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
  /** the names of the community, compound, building and flat it was loaded with (the answer's place text needs them) */
  names?: PlaceNames;
};

/** Area names by id, and the flat's unit and number when the place is a flat. */
export type PlaceNames = { areas: [string, string][]; flat: { unitNo: number; flatNo: string } | null };

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
 * the encrypted contact phone, its 'place' event (waking the outbox) and the one 'order.place' audit row, in one
 * statement; then claims the attachments for the event (a failed claim rolls the transaction back). Every intake
 * uses it: portal, proxy, desk, meeting and Open311. Answers the row, the event id and who may close it.
 */
export async function recordPlaced(tctx: TxCtx<Ctx>, rec: NewOrderRecord): Promise<PlacedOrderResult> {
  const placed = await insertPlaced(tctx, rec);
  const { order, eventId } = placed;
  const { tx } = tctx;
  // without an owner no upload can match, so the claim fails with the usual field error instead of being skipped
  const ownerId = rec.ownerId ?? NO_OWNER;
  await claimAttachments(tx, { ids: rec.attachmentIds, ownerId, orderId: order.id, eventId }, tctx.locale);
  if (rec.mediaUrl) await appendOrderEvent(tx, order, { kind: 'attach', text: rec.mediaUrl, details: { mediaUrl: rec.mediaUrl } });
  return placed;
}

/**
 * The one statement of a placement (order, event, outbox wake-up, audit): atomic on its own, so a placement with
 * nothing to claim needs no transaction around it. Attachments and media links are `recordPlaced`'s.
 */
export async function insertPlaced(
  tctx: Ctx & { tx: Db | Tx },
  rec: Omit<NewOrderRecord, 'attachmentIds' | 'mediaUrl'>,
): Promise<PlacedOrderResult> {
  const { tx, pii } = tctx;
  const now = rec.now ?? new Date();
  const { service, location } = rec;
  const due = stageDueAt('dispatch', now, service.timeLimits, { emergency: service.emergency });
  const id = randomUUID();
  return insertPlacedOrder(tx, {
    day: localDay(now),
    order: {
      id,
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
    },
    event: {
      actorId: rec.placedBy?.id ?? null,
      actorName: rec.placedBy?.name ?? null,
      details: { channel: rec.channel, serviceId: service.id, ...(rec.consent ? { consent: rec.consent } : {}), ...rec.intakeDetails },
    },
    audit: auditValues(tctx, {
      action: 'order.place',
      entityType: 'order',
      entityId: id,
      streetId: location.streetId,
      communityId: location.communityId,
      actorName: rec.audit?.actorName,
      details: { channel: rec.channel, serviceId: service.id, ...rec.audit?.details },
    }),
  });
}

/** `recordPlaced`, answering the inserted row. */
export async function recordPlacedOrder(tctx: TxCtx<Ctx>, rec: NewOrderRecord): Promise<OrderRow> {
  return (await recordPlaced(tctx, rec)).order;
}
