import type { AgreementTerms } from '@linli/contracts';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { orders } from './orders.js';
import { residents } from './registry.js';
import { users } from './users.js';

export const disputeKind = pgEnum('dispute_kind', [
  'neighbour',
  'property_fee',
  'parking',
  'family',
  'renovation_noise',
  'labour',
  'other',
]);
export const mediationStatus = pgEnum('mediation_status', ['open', 'agreed', 'failed', 'withdrawn']);
export const agreementStatus = pgEnum('mediation_agreement_status', ['draft', 'signed', 'superseded']);

/** 矛盾纠纷调解案件: one dispute before the community's people's mediation committee. */
export const mediationCases = pgTable(
  'mediation_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNo: text('case_no').notNull(),
    districtId: uuid('district_id').notNull(),
    streetId: uuid('street_id').notNull(),
    communityId: uuid('community_id').notNull(),
    kind: disputeKind('kind').notNull(),
    title: text('title').notNull(),
    facts: text('facts').notNull(),
    status: mediationStatus('status').notNull().default('open'),
    summary: text('summary'),
    orderId: uuid('order_id').references(() => orders.id),
    openedAt: ts('opened_at').notNull().defaultNow(),
    dueAt: ts('due_at').notNull(),
    remindedAt: ts('reminded_at'),
    escalatedAt: ts('escalated_at'),
    closedAt: ts('closed_at'),
    openedBy: uuid('opened_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('mediation_cases_no_uq').on(t.caseNo),
    index('mediation_cases_community_idx').on(t.communityId, t.openedAt),
    index('mediation_cases_order_idx').on(t.orderId),
  ],
);

const caseRef = () =>
  uuid('case_id')
    .notNull()
    .references(() => mediationCases.id, { onDelete: 'cascade' });

export const mediationParties = pgTable(
  'mediation_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    position: smallint('position').notNull(),
    kind: text('kind', { enum: ['resident', 'org'] }).notNull(),
    side: text('side', { enum: ['applicant', 'respondent'] }).notNull(),
    residentId: uuid('resident_id').references(() => residents.id),
    /** the organisation's name; for a resident, read from the registry */
    name: text('name'),
  },
  (t) => [index('mediation_parties_case_idx').on(t.caseId), index('mediation_parties_resident_idx').on(t.residentId)],
);

export const mediationMediators = pgTable(
  'mediation_mediators',
  {
    caseId: caseRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    presiding: boolean('presiding').notNull().default(false),
  },
  (t) => [uniqueIndex('mediation_mediators_uq').on(t.caseId, t.userId), index('mediation_mediators_user_idx').on(t.userId)],
);

/** 调解笔录: one session with its record. */
export const mediationSessions = pgTable(
  'mediation_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    heldAt: ts('held_at').notNull(),
    place: text('place').notNull(),
    notes: text('notes').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('mediation_sessions_case_idx').on(t.caseId, t.heldAt)],
);

/** 调解协议书: a draft may change; once signed it never does, and a later version supersedes it. */
export const mediationAgreements = pgTable(
  'mediation_agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    version: integer('version').notNull(),
    status: agreementStatus('status').notNull().default('draft'),
    terms: jsonb('terms').$type<AgreementTerms>().notNull(),
    signedAt: ts('signed_at'),
    supersedesId: uuid('supersedes_id'),
  },
  (t) => [uniqueIndex('mediation_agreements_version_uq').on(t.caseId, t.version)],
);

/** 回访: a return visit checking that the agreement is performed. */
export const mediationFollowUps = pgTable(
  'mediation_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    visitedOn: date('visited_on').notNull(),
    performed: boolean('performed').notNull(),
    notes: text('notes').notNull(),
    visitor: text('visitor').notNull(),
  },
  (t) => [index('mediation_follow_ups_case_idx').on(t.caseId)],
);
