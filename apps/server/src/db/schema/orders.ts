import type { FieldValue } from '@linli/contracts';
import { OrderChannel, OrderOutcome, OrderRating, OrderStatus } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { handlerOrgs } from './areas.js';
import { serviceCategory, services } from './catalogue.js';
import { areaScopeIds, bytea, ts, tuple } from './columns.js';

export const orderStatus = pgEnum('order_status', tuple(OrderStatus.options));
export const orderChannel = pgEnum('order_channel', tuple(OrderChannel.options));
export const orderOutcome = pgEnum('order_outcome', tuple(OrderOutcome.options));
export const orderRating = pgEnum('order_rating', tuple(OrderRating.options));

/** Order numbers: yyyymmdd + this sequence, seven digits. */
export const orderNoSeq = pgSequence('order_no_seq', { startWith: 1 });

/**
 * A service order (工单). Carries the ids of every area above it (tenant key and scope filter), the running
 * stage's deadline (for the deadline job's partial index) and the per-order facts the figures aggregate.
 */
export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderNo: text('order_no').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    category: serviceCategory('category').notNull(),
    emergency: boolean('emergency').notNull().default(false),
    status: orderStatus('status').notNull().default('placed'),
    suspendedFrom: orderStatus('suspended_from'),
    version: integer('version').notNull().default(1),
    channel: orderChannel('channel').notNull(),
    description: text('description').notNull(),
    fields: jsonb('fields').$type<Record<string, FieldValue>>().notNull().default({}),
    ...areaScopeIds(),
    flatId: uuid('flat_id'),
    householdId: uuid('household_id'),
    residentId: uuid('resident_id'),
    address: text('address').notNull().default(''),
    contactName: text('contact_name'),
    contactPhoneEnc: bytea('contact_phone_enc'),
    contactEmail: text('contact_email'),
    placedBy: uuid('placed_by'),
    consent: jsonb('consent').$type<{ method: string; note: string }>(),
    idempotencyKey: text('idempotency_key'),
    open311Token: text('open311_token'),
    lat: text('lat'),
    long: text('long'),
    handlerOrgId: uuid('handler_org_id').references(() => handlerOrgs.id),
    handlerUserId: uuid('handler_user_id'),
    /** who reported it handled: such a user never closes it */
    handledBy: uuid('handled_by'),
    placedAt: ts('placed_at').notNull().defaultNow(),
    dispatchedAt: ts('dispatched_at'),
    acceptedAt: ts('accepted_at'),
    handledAt: ts('handled_at'),
    confirmedAt: ts('confirmed_at'),
    closedAt: ts('closed_at'),
    /** when the running stage began and is due; null in terminal and suspended states */
    stageStartedAt: ts('stage_started_at'),
    stageDueAt: ts('stage_due_at'),
    dispatchDueAt: ts('dispatch_due_at'),
    acceptDueAt: ts('accept_due_at'),
    handleDueAt: ts('handle_due_at'),
    confirmDueAt: ts('confirm_due_at'),
    closeDueAt: ts('close_due_at'),
    /** deadline job bookkeeping for the running stage: reminded, overdue since, escalation 0–3 */
    remindedAt: ts('reminded_at'),
    overdueSince: ts('overdue_since'),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    suspendedAt: ts('suspended_at'),
    /** figures */
    acceptedOnTime: boolean('accepted_on_time'),
    handledOnTime: boolean('handled_on_time'),
    closedOnTime: boolean('closed_on_time'),
    reworkCount: smallint('rework_count').notNull().default(0),
    extensionCount: smallint('extension_count').notNull().default(0),
    extensionHours: integer('extension_hours').notNull().default(0),
    extensionPendingHours: integer('extension_pending_hours'),
    extensionPendingReason: text('extension_pending_reason'),
    rating: orderRating('rating'),
    ratingReasons: text('rating_reasons').array().notNull().default([]),
    ratedVia: text('rated_via'),
    outcome: orderOutcome('outcome'),
    mergedIntoId: uuid('merged_into_id'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_no_uq').on(t.orderNo),
    uniqueIndex('orders_idempotency_uq')
      .on(t.placedBy, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} IS NOT NULL`),
    uniqueIndex('orders_open311_token_uq')
      .on(t.open311Token)
      .where(sql`${t.open311Token} IS NOT NULL`),
    index('orders_community_status_idx').on(t.communityId, t.status),
    index('orders_street_placed_idx').on(t.streetId, t.placedAt),
    index('orders_community_placed_idx').on(t.communityId, t.placedAt),
    index('orders_handler_status_idx').on(t.handlerOrgId, t.status),
    /** a resident's own orders (the portal's list); desk, meeting and Open311 orders have none and skip it */
    index('orders_resident_idx')
      .on(t.residentId)
      .where(sql`${t.residentId} IS NOT NULL`),
    index('orders_placed_by_idx').on(t.placedBy),
    index('orders_stage_due_idx')
      .on(t.stageDueAt)
      .where(sql`${t.stageDueAt} IS NOT NULL`),
    index('orders_open_service_building_idx')
      .on(t.serviceId, t.compoundId, t.buildingId)
      .where(sql`${t.status} IN ('placed', 'dispatched', 'accepted', 'in_progress')`),
    // the figures' month (date_trunc of placed_at in China time) has statistics, not an index: migration 0014
    /** the desk queue: live orders (a few per cent of all) by community or street and deadline */
    index('orders_live_due_idx')
      .on(t.communityId, t.stageDueAt)
      .where(sql`${t.status} IN ('placed', 'dispatched', 'accepted', 'in_progress', 'handled', 'confirmed', 'suspended')`),
    index('orders_live_street_due_idx')
      .on(t.streetId, t.stageDueAt)
      .where(sql`${t.status} IN ('placed', 'dispatched', 'accepted', 'in_progress', 'handled', 'confirmed', 'suspended')`),
    /** newest first across a whole district (a system admin's scope has no area column to lead with) */
    index('orders_placed_idx').on(t.placedAt),
    /** text search in the lists: ILIKE '%…%' over a district without a sequential scan */
    index('orders_description_trgm_idx').using('gin', t.description.op('gin_trgm_ops')),
  ],
);

/**
 * The timeline of an order: every move, comment, reminder and escalation, with actor and time. Also the outbox
 * of notifications, e-mail and webhooks: the dispatcher picks rows whose `notified_at` is null.
 */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    districtId: uuid('district_id').notNull(),
    streetId: uuid('street_id').notNull(),
    communityId: uuid('community_id').notNull(),
    at: ts('at').notNull().defaultNow(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    fromStatus: orderStatus('from_status'),
    toStatus: orderStatus('to_status'),
    text: text('text').notNull().default(''),
    internal: boolean('internal').notNull().default(false),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    notifiedAt: ts('notified_at'),
  },
  (t) => [
    index('order_events_order_idx').on(t.orderId, t.id),
    index('order_events_pending_idx')
      .on(t.id)
      .where(sql`${t.notifiedAt} IS NULL`),
  ],
);

/** An uploaded file (photo) kept by the storage interface; linked to an order (and an event) once used. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    orderId: uuid('order_id').references(() => orders.id),
    eventId: bigint('event_id', { mode: 'number' }),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_order_idx').on(t.orderId), index('attachments_owner_idx').on(t.ownerId, t.createdAt)],
);
