import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areaNodes, handlerOrgs } from './areas.js';
import { communityScopeIds, ts } from './columns.js';
import { voteChannel } from './consultations.js';
import { householdIdColumn, residents } from './registry.js';
import { users } from './users.js';

/** 物业质量测评: one survey of a compound's property company per period, with its questions and open/close times. */
export const propertySurveys = pgTable(
  'property_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...communityScopeIds(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => areaNodes.id),
    /** the company serving the compound when the survey was opened */
    orgId: uuid('org_id')
      .notNull()
      .references(() => handlerOrgs.id),
    /** a quarter, 2026-Q3 */
    period: text('period').notNull(),
    title: text('title').notNull(),
    questions: jsonb('questions').$type<{ key: string; label: string; kind: 'rating' | 'text' }[]>().notNull(),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    /** the survey's weight in the combined score (0–100); the orders' satisfaction takes the rest */
    surveyWeight: integer('survey_weight').notNull().default(70),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('property_surveys_compound_period_uq').on(t.compoundId, t.period),
    index('property_surveys_community_idx').on(t.communityId, t.period),
  ],
);

/** One household's answer to a survey; the unique index holds one per household per survey (so per period) under concurrency. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => propertySurveys.id, { onDelete: 'cascade' }),
    householdId: householdIdColumn(),
    residentId: uuid('resident_id').references(() => residents.id),
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
    texts: jsonb('texts').$type<Record<string, string>>().notNull().default({}),
    channel: voteChannel('channel').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    answeredAt: ts('answered_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_answers_household_uq').on(t.surveyId, t.householdId)],
);
