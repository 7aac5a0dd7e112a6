import { ProgrammeKind } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { handlerOrgs } from './areas.js';
import { communityScopeIds, tuple } from './columns.js';
import { householdIdColumn, residents } from './registry.js';

export const programmeKind = pgEnum('programme_kind', tuple(ProgrammeKind.options));

/** 一老一小 care programme of a community: who runs it, where, and who may join. */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...communityScopeIds(),
    kind: programmeKind('kind').notNull(),
    name: text('name').notNull(),
    providerOrgId: uuid('provider_org_id').references(() => handlerOrgs.id),
    venue: text('venue').notNull().default(''),
    eligibleTags: text('eligible_tags').array().notNull().default([]),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    capacity: integer('capacity'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programmes_community_idx').on(t.communityId)],
);

const programmeIdColumn = () =>
  uuid('programme_id')
    .notNull()
    .references(() => programmes.id);

/** A beneficiary enrolled in a programme (one live enrolment per person and programme). */
export const programmeEnrolments = pgTable(
  'programme_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeIdColumn(),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id),
    householdId: householdIdColumn(),
    ...communityScopeIds(),
    gridId: uuid('grid_id'),
    enrolledOn: date('enrolled_on').notNull(),
    endedOn: date('ended_on'),
    /** the visit whose recorded need became this enrolment */
    visitId: uuid('visit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /** one live enrolment per resident and programme; an ended one does not block enrolling again */
    uniqueIndex('programme_enrolments_uq')
      .on(t.programmeId, t.residentId)
      .where(sql`${t.endedOn} IS NULL`),
    index('programme_enrolments_household_idx').on(t.householdId),
    index('programme_enrolments_community_idx').on(t.communityId, t.enrolledOn),
  ],
);

/** One session held by a programme (a meal served, a class, a rehab hour). */
export const programmeSessions = pgTable(
  'programme_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: programmeIdColumn(),
    ...communityScopeIds(),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programme_sessions_programme_idx').on(t.programmeId, t.heldOn)],
);

/** Who attended a session. */
export const programmeAttendance = pgTable(
  'programme_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programmeSessions.id),
    enrolmentId: uuid('enrolment_id')
      .notNull()
      .references(() => programmeEnrolments.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.enrolmentId] })],
);

/** 三社联动: a social worker of a social organisation, with their professional qualification. */
export const socialWorkers = pgTable(
  'social_workers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => handlerOrgs.id),
    streetId: uuid('street_id').notNull(),
    districtId: uuid('district_id').notNull(),
    name: text('name').notNull(),
    qualification: text('qualification').notNull(),
    certificateNo: text('certificate_no'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('social_workers_org_idx').on(t.orgId)],
);
