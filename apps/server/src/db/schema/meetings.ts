import { date, index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid, jsonb } from 'drizzle-orm/pg-core';
import { handlerOrgs } from './areas.js';
import { communityScopeIds, ts } from './columns.js';
import { mediationCases } from './mediation.js';
import { orders } from './orders.js';
import { residents } from './registry.js';
import { users } from './users.js';

/** 居民代表会议 · 联席会议 · 党建联盟 */
export const meetingKind = pgEnum('meeting_kind', ['representative', 'joint', 'party_alliance']);
export const meetingStatus = pgEnum('meeting_status', ['draft', 'held', 'closed']);
export const meetingAttendance = pgEnum('meeting_attendance', ['pending', 'present', 'absent', 'excused']);
export const decisionOutcome = pgEnum('meeting_decision_outcome', ['orders', 'mediation', 'tasks']);

/** A resident representative meeting or a joint meeting of a community, with its agenda and minutes. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...communityScopeIds(),
    kind: meetingKind('kind').notNull(),
    title: text('title').notNull(),
    startsAt: ts('starts_at').notNull(),
    place: text('place').notNull(),
    /** the agenda items, in order */
    agenda: jsonb('agenda').$type<string[]>().notNull(),
    minutes: text('minutes').notNull().default(''),
    status: meetingStatus('status').notNull().default('draft'),
    heldAt: ts('held_at'),
    closedAt: ts('closed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('meetings_community_idx').on(t.communityId, t.startsAt)],
);

const meetingRef = () =>
  uuid('meeting_id')
    .notNull()
    .references(() => meetings.id, { onDelete: 'cascade' });

/** 参会人员: a resident (by registry link), an organisation or a free-text guest, with attendance. */
export const meetingInvitees = pgTable(
  'meeting_invitees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    position: smallint('position').notNull(),
    kind: text('kind', { enum: ['resident', 'org', 'guest'] }).notNull(),
    role: text('role', { enum: ['representative', 'party_member', 'property', 'handler', 'street', 'guest'] }).notNull(),
    residentId: uuid('resident_id').references(() => residents.id),
    orgId: uuid('org_id').references(() => handlerOrgs.id),
    /** organisations and guests; a resident's name is read from the registry */
    name: text('name'),
    attendance: meetingAttendance('attendance').notNull().default('pending'),
  },
  (t) => [index('meeting_invitees_meeting_idx').on(t.meetingId, t.position)],
);

/** 会议决议: one decision, turned into service orders, a mediation case or a follow-up task list. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: meetingRef(),
    position: smallint('position').notNull(),
    text: text('text').notNull(),
    outcome: decisionOutcome('outcome'),
    mediationCaseId: uuid('mediation_case_id').references(() => mediationCases.id),
    /** set while a claim waits for its link (decision-action.ts); a claim older than a few minutes counts as released */
    claimedAt: ts('claimed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('meeting_decisions_meeting_idx').on(t.meetingId, t.position)],
);

const decisionRef = () =>
  uuid('decision_id')
    .notNull()
    .references(() => meetingDecisions.id, { onDelete: 'cascade' });

export const meetingDecisionOrders = pgTable(
  'meeting_decision_orders',
  {
    decisionId: decisionRef(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
  },
  (t) => [uniqueIndex('meeting_decision_orders_uq').on(t.decisionId, t.orderId), index('meeting_decision_orders_order_idx').on(t.orderId)],
);

/** 跟进事项: a follow-up task of a decision. */
export const meetingTasks = pgTable(
  'meeting_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: decisionRef(),
    position: smallint('position').notNull(),
    title: text('title').notNull(),
    assignee: text('assignee').notNull(),
    dueOn: date('due_on').notNull(),
    doneAt: ts('done_at'),
  },
  (t) => [index('meeting_tasks_decision_idx').on(t.decisionId, t.position)],
);
