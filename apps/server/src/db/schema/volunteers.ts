import type { ActivityKind, ActivityStatus, HoursSource, HoursStatus, SignupStatus, VolunteerTeamKind } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { handlerOrgs } from './areas.js';
import { bytea, communityScopeIds, ts } from './columns.js';
import { residents } from './registry.js';
import { users } from './users.js';

const scope = () => communityScopeIds();
const created = () => ({ createdAt: ts('created_at').notNull().defaultNow() });

/** 志愿服务队: a party volunteer service team, the Red Butler group, a resident art team; its handler org takes orders. */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<VolunteerTeamKind>().notNull(),
    name: text('name').notNull(),
    /** the volunteer-team handler organisation that receives volunteer-service orders */
    handlerOrgId: uuid('handler_org_id').references(() => handlerOrgs.id),
    leaderVolunteerId: uuid('leader_volunteer_id'),
    ...scope(),
    ...created(),
  },
  (t) => [index('volunteer_teams_community_idx').on(t.communityId), uniqueIndex('volunteer_teams_name_uq').on(t.communityId, t.name)],
);

/** 志愿者 record (民政部 志愿服务记录办法): basic information; phone encrypted like the registry's. */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    residentId: uuid('resident_id').references(() => residents.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    phoneEnc: bytea('phone_enc'),
    phoneTail: text('phone_tail'),
    skills: text('skills').array().notNull().default([]),
    availability: text('availability'),
    /** consent to keep anything beyond the minimum (skills, availability, phone) */
    consentExtra: boolean('consent_extra').notNull().default(false),
    consentAt: ts('consent_at'),
    teamId: uuid('team_id').references(() => volunteerTeams.id),
    registeredBy: text('registered_by').$type<'staff' | 'self'>().notNull(),
    status: text('status').$type<'active' | 'left'>().notNull().default('active'),
    ...scope(),
    ...created(),
  },
  (t) => [
    index('volunteers_community_idx').on(t.communityId),
    index('volunteers_team_idx').on(t.teamId),
    uniqueIndex('volunteers_resident_uq')
      .on(t.residentId)
      .where(sql`${t.residentId} IS NOT NULL`),
    uniqueIndex('volunteers_user_uq')
      .on(t.userId)
      .where(sql`${t.userId} IS NOT NULL`),
  ],
);

/** Star thresholds of a community (hours), when it changes the defaults. */
export const volunteerStarSettings = pgTable('volunteer_star_settings', {
  communityId: uuid('community_id').primaryKey(),
  thresholds: integer('thresholds').array().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** 活动: volunteer service, cultural, educational, themed party day, micro-lecture. */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<ActivityKind>().notNull(),
    title: text('title').notNull(),
    organiser: text('organiser').notNull(),
    organiserUserId: uuid('organiser_user_id').references(() => users.id),
    teamId: uuid('team_id').references(() => volunteerTeams.id),
    place: text('place').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    /** the audience: an area below the community, a care tag, or a team (null = everyone in the community) */
    audienceAreaId: uuid('audience_area_id'),
    audienceTag: text('audience_tag'),
    audienceTeamId: uuid('audience_team_id'),
    checkinCode: text('checkin_code').notNull(),
    status: text('status').$type<ActivityStatus>().notNull().default('open'),
    peopleServed: integer('people_served').notNull().default(0),
    confirmedCount: integer('confirmed_count').notNull().default(0),
    ...scope(),
    ...created(),
  },
  (t) => [
    index('activities_community_idx').on(t.communityId, t.startsAt),
    index('activities_street_idx').on(t.streetId),
    check('activities_capacity_ck', sql`${t.confirmedCount} <= ${t.capacity}`),
    check('activities_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** 报名: a sign-up, confirmed or on the waitlist (promoted in order when a place frees up). */
export const activitySignups = pgTable(
  'activity_signups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    volunteerId: uuid('volunteer_id').references(() => volunteers.id),
    displayName: text('display_name').notNull(),
    status: text('status').$type<SignupStatus>().notNull(),
    checkedInAt: ts('checked_in_at'),
    checkedOutAt: ts('checked_out_at'),
    ...created(),
  },
  (t) => [
    uniqueIndex('activity_signups_live_uq')
      .on(t.activityId, t.userId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('activity_signups_activity_idx').on(t.activityId, t.status, t.createdAt),
    index('activity_signups_user_idx').on(t.userId),
  ],
);

/** 志愿服务记录: hours of one volunteer, with who organised and who recorded them. */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => volunteers.id),
    activityId: uuid('activity_id').references(() => activities.id),
    orderId: uuid('order_id'),
    source: text('source').$type<HoursSource>().notNull(),
    status: text('status').$type<HoursStatus>().notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    place: text('place'),
    content: text('content').notNull(),
    peopleServed: integer('people_served').notNull().default(0),
    organiser: text('organiser').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    verifiedBy: uuid('verified_by').references(() => users.id),
    /** why staff rejected self-reported hours (shown in the volunteer's ledger) */
    decisionNote: text('decision_note'),
    ...scope(),
    ...created(),
  },
  (t) => [
    index('volunteer_hours_volunteer_idx').on(t.volunteerId, t.startsAt),
    index('volunteer_hours_community_idx').on(t.communityId, t.startsAt),
    uniqueIndex('volunteer_hours_activity_uq')
      .on(t.volunteerId, t.activityId)
      .where(sql`${t.activityId} IS NOT NULL AND ${t.status} <> 'rejected'`),
    uniqueIndex('volunteer_hours_order_uq')
      .on(t.orderId)
      .where(sql`${t.orderId} IS NOT NULL`),
    check('volunteer_hours_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
