import { z } from 'zod';
import { FieldValue, ServiceCategoryCode } from './catalogue-dto.js';
import { PageQuery, paged } from './common.js';
import { OrderEvent, OrderOutcome, OrderStatus } from './order-machine.js';

/** How an order came in: the resident, a proxy (楼长/网格员) with consent, the desk, a resident meeting, Open311. */
export const OrderChannel = z.enum(['portal', 'proxy', 'desk', 'meeting', 'open311']);
export type OrderChannel = z.infer<typeof OrderChannel>;

/** 满意 · 基本满意 · 不满意 */
export const OrderRating = z.enum(['satisfied', 'basic', 'unsatisfied']);
export type OrderRating = z.infer<typeof OrderRating>;

export const ORDER_STATUS_LABELS: Record<OrderStatus, { 'zh-CN': string; en: string }> = {
  placed: { 'zh-CN': '待派单', en: 'Placed' },
  dispatched: { 'zh-CN': '待接单', en: 'Dispatched' },
  accepted: { 'zh-CN': '已接单', en: 'Accepted' },
  in_progress: { 'zh-CN': '处理中', en: 'In progress' },
  handled: { 'zh-CN': '待评价', en: 'Handled' },
  confirmed: { 'zh-CN': '待结案', en: 'Confirmed' },
  closed: { 'zh-CN': '已结案', en: 'Closed' },
  suspended: { 'zh-CN': '已挂起', en: 'Suspended' },
  merged: { 'zh-CN': '已并单', en: 'Merged' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
};

const reason = z.string().trim().min(2).max(500);
const note = z.string().trim().max(1000).optional();
const attachmentIds = z.array(z.uuid()).max(9).default([]);

/** Who the order is for, by intake channel. The portal knows the resident's flat; staff name the household. */
export const OrderIntake = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('portal') }),
  z.object({
    channel: z.literal('proxy'),
    householdId: z.uuid(),
    residentId: z.uuid().optional(),
    /** 代办: how the resident agreed that someone orders for them */
    consent: z.object({ method: z.enum(['in_person', 'phone', 'written']), note: z.string().trim().max(200).default('') }),
  }),
  z.object({
    channel: z.literal('desk'),
    via: z.enum(['phone', 'walk_in']),
    householdId: z.uuid().optional(),
    residentId: z.uuid().optional(),
    contactName: z.string().trim().min(1).max(40),
    contactPhone: z.string().trim().min(5).max(20),
    /** where, when no household is named: a building of the community */
    buildingId: z.uuid().optional(),
    address: z.string().trim().max(200).optional(),
  }),
  z.object({
    channel: z.literal('meeting'),
    communityId: z.uuid(),
    buildingId: z.uuid().optional(),
    meetingNote: z.string().trim().min(2).max(500),
  }),
]);
export type OrderIntake = z.infer<typeof OrderIntake>;

export const CreateOrderInput = z.object({
  serviceId: z.uuid(),
  description: z.string().trim().min(5).max(1000),
  fields: z.record(z.string(), FieldValue).default({}),
  /** photos uploaded before the order (POST /api/attachments) */
  attachmentIds,
  intake: OrderIntake,
});
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

/** One move on an order; `version` (optional) makes a stale screen fail with 409 instead of acting twice. */
const move = <E extends OrderEvent, S extends z.ZodRawShape>(event: E, shape: S) =>
  z.object({ event: z.literal(event), version: z.number().int().optional(), ...shape });

export const OrderMoveInput = z.discriminatedUnion('event', [
  move('dispatch', { handlerOrgId: z.uuid(), handlerUserId: z.uuid().optional(), note }),
  move('transfer', { handlerOrgId: z.uuid(), handlerUserId: z.uuid().optional(), reason }),
  move('return', { reason }),
  move('accept', { note }),
  move('start', { note }),
  move('handle', { note: z.string().trim().min(2).max(1000), attachmentIds }),
  move('request_extension', { hours: z.number().int().min(1).max(720), reason }),
  move('approve_extension', { note }),
  move('reject_extension', { reason }),
  move('suspend', { reason }),
  move('resume', { note }),
  move('merge', { intoOrderId: z.uuid(), note }),
  move('withdraw', { reason: z.string().trim().max(500).optional() }),
  move('confirm', { rating: OrderRating, reasons: z.array(z.string().trim().min(1).max(40)).max(10).default([]), comment: note }),
  move('contest', { reason }),
  move('close', { outcome: OrderOutcome, note }),
]);
export type OrderMoveInput = z.infer<typeof OrderMoveInput>;

export const PersonRef = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

export const OrderDeadlines = z.object({
  dispatchDueAt: z.string().nullable(),
  acceptDueAt: z.string().nullable(),
  handleDueAt: z.string().nullable(),
  confirmDueAt: z.string().nullable(),
  closeDueAt: z.string().nullable(),
});
export type OrderDeadlines = z.infer<typeof OrderDeadlines>;

/** The clock everyone sees: the running stage, when it is due, whether it is late and how far it escalated. */
export const OrderClock = z.object({
  stage: z.enum(['dispatch', 'accept', 'handle', 'confirm', 'close']).nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  /** 0 none, 1 grid, 2 community, 3 street */
  escalationLevel: z.number().int().min(0).max(3),
  paused: z.boolean(),
});
export type OrderClock = z.infer<typeof OrderClock>;

/** What the actor may do with an order now; the web shows its buttons from these, on lists and on the detail. */
export const OrderAbilities = z.object({
  /** the moves the actor could make now */
  events: z.array(OrderEvent),
  canComment: z.boolean(),
  canCommentInternal: z.boolean(),
});
export type OrderAbilities = z.infer<typeof OrderAbilities>;

export const OrderListItem = z
  .object({
    id: z.uuid(),
    orderNo: z.string(),
    status: OrderStatus,
    channel: OrderChannel,
    service: z.object({ id: z.uuid(), code: z.string(), name: z.string(), category: ServiceCategoryCode, emergency: z.boolean() }),
    description: z.string(),
    /** 小区 楼栋 单元 房号, or the desk's address text */
    place: z.string(),
    communityId: z.uuid(),
    gridId: z.uuid().nullable(),
    buildingId: z.uuid().nullable(),
    handlerOrg: PersonRef.nullable(),
    clock: OrderClock,
    placedAt: z.string(),
    reworkCount: z.number().int(),
    extensionPending: z.boolean(),
    abilities: OrderAbilities,
  })
  .meta({ id: 'OrderListItem' });
export type OrderListItem = z.infer<typeof OrderListItem>;

export const OrderDto = OrderListItem.extend({
  version: z.number().int(),
  fields: z.record(z.string(), FieldValue),
  /** labels of the service's fields, in order, for showing `fields` */
  fieldLabels: z.array(z.object({ code: z.string(), label: z.string() })),
  residentId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  /** masked (138****5678) */
  contactPhone: z.string().nullable(),
  placedBy: PersonRef.nullable(),
  consent: z.object({ method: z.string(), note: z.string() }).nullable(),
  handlerUser: PersonRef.nullable(),
  deadlines: OrderDeadlines,
  extension: z.object({ hours: z.number().int(), reason: z.string() }).nullable(),
  extensionCount: z.number().int(),
  rating: OrderRating.nullable(),
  ratingReasons: z.array(z.string()),
  outcome: OrderOutcome.nullable(),
  mergedInto: z.object({ id: z.uuid(), orderNo: z.string() }).nullable(),
  closedAt: z.string().nullable(),
}).meta({ id: 'Order' });
export type OrderDto = z.infer<typeof OrderDto>;

/** `totalCapped`: counting stopped at 10,000 — the list holds at least `total` orders (shown as "10000+"). */
export const OrderList = paged(OrderListItem).extend({ totalCapped: z.boolean() });
export type OrderList = z.infer<typeof OrderList>;

/** closing (结案队列): orders waiting to be closed where the actor closes (the street; a community admin where configured) */
export const OrderView = z.enum(['desk', 'workbench', 'mine', 'all', 'closing']);
export type OrderView = z.infer<typeof OrderView>;

export const OrderListQuery = PageQuery.extend({
  /** desk: the supermarket queue (urgency, then deadline); workbench: my handler organisation's orders; mine: placed by or for me */
  view: OrderView.default('all'),
  status: z.union([OrderStatus, z.enum(['open', 'terminal'])]).optional(),
  serviceId: z.uuid().optional(),
  category: ServiceCategoryCode.optional(),
  areaId: z.uuid().optional(),
  handlerOrgId: z.uuid().optional(),
  /** `?overdue=false` must mean false: z.coerce.boolean would read the string "false" as true */
  overdue: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .transform((v) => v === true || v === 'true')
    .optional(),
  q: z.string().trim().max(50).optional(),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;

/** Counts per status for the desk's or the workbench's tabs, under the same filters as the list (one request). */
export const OrderCountsQuery = OrderListQuery.omit({ page: true, pageSize: true, status: true, overdue: true }).extend({
  view: z.enum(['desk', 'workbench']),
});
export type OrderCountsQuery = z.infer<typeof OrderCountsQuery>;
export const OrderCounts = z.object({
  /** statuses with no orders are left out */
  byStatus: z.partialRecord(OrderStatus, z.number().int()),
  overdue: z.number().int(),
  total: z.number().int(),
});
export type OrderCounts = z.infer<typeof OrderCounts>;

export const TimelineKind = z.union([OrderEvent, z.enum(['place', 'comment', 'reminder', 'overdue', 'escalate', 'absorb', 'attach'])]);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const AttachmentDto = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  url: z.string(),
});
export type AttachmentDto = z.infer<typeof AttachmentDto>;

export const TimelineEntry = z
  .object({
    id: z.string(),
    at: z.string(),
    kind: TimelineKind,
    actor: PersonRef.nullable(),
    fromStatus: OrderStatus.nullable(),
    toStatus: OrderStatus.nullable(),
    /** the reason, note or comment text */
    text: z.string(),
    internal: z.boolean(),
    details: z.record(z.string(), z.unknown()),
    attachments: z.array(AttachmentDto),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineDto = z.object({ items: z.array(TimelineEntry) });
export type TimelineDto = z.infer<typeof TimelineDto>;

export const CommentInput = z.object({
  text: z.string().trim().min(1).max(1000),
  /** internal comments are never shown to the resident */
  internal: z.boolean().default(false),
  attachmentIds,
});
export type CommentInput = z.infer<typeof CommentInput>;

/** Open orders of the same service in the same building or compound with similar text (并单 candidates). */
export const DuplicateCandidate = OrderListItem.extend({ similarity: z.number(), sameBuilding: z.boolean() });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;
export const DuplicateList = z.object({ items: z.array(DuplicateCandidate) });
export type DuplicateList = z.infer<typeof DuplicateList>;

export const DuplicateQuery = z.object({
  serviceId: z.uuid(),
  description: z.string().trim().min(1).max(1000),
  /** where: a household (desk/proxy) — the portal uses the resident's own */
  householdId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
});
export type DuplicateQuery = z.infer<typeof DuplicateQuery>;

export const HandlerSuggestion = z.object({
  orgId: z.uuid(),
  name: z.string(),
  /** property: the company serving the order's compound; catalogue: the service's default; history: where orders like this went in the last 90 days */
  source: z.enum(['property', 'catalogue', 'history']),
  orders: z.number().int(),
  people: z.array(PersonRef),
});
export const HandlerSuggestions = z.object({ items: z.array(HandlerSuggestion) });
export type HandlerSuggestions = z.infer<typeof HandlerSuggestions>;
