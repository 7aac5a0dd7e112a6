import { date, index, pgEnum, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { handlerOrgs } from './areas.js';
import { ts } from './columns.js';
import { residents } from './registry.js';
import { users } from './users.js';

export const legalTopic = pgEnum('legal_topic', [
  'family',
  'inheritance',
  'labour',
  'property',
  'neighbour',
  'contract',
  'consumer',
  'other',
]);

/** 值班律师: a lawyer's weekly duty at a legal service center. */
export const legalDutySlots = pgTable(
  'legal_duty_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => handlerOrgs.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    lawyerName: text('lawyer_name').notNull(),
    firm: text('firm').notNull(),
  },
  (t) => [index('legal_duty_slots_org_idx').on(t.orgId, t.weekday)],
);

/** 法律咨询: one consultation at a center, with the topic and the advice given. */
export const legalConsultations = pgTable(
  'legal_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => handlerOrgs.id),
    districtId: uuid('district_id').notNull(),
    streetId: uuid('street_id').notNull(),
    communityId: uuid('community_id').notNull(),
    consultedOn: date('consulted_on').notNull(),
    topic: legalTopic('topic').notNull(),
    question: text('question').notNull(),
    advice: text('advice').notNull(),
    lawyerName: text('lawyer_name').notNull(),
    residentId: uuid('resident_id').references(() => residents.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('legal_consultations_community_idx').on(t.communityId, t.consultedOn)],
);
