import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areaNodes, flats } from './areas.js';
import { communityScopeIds, ts } from './columns.js';
import { householdIdColumn, residents } from './registry.js';
import { users } from './users.js';

export const voteEligibility = pgEnum('vote_eligibility', ['compound_households', 'building_households', 'representatives', 'owners']);
export const voteChannel = pgEnum('vote_channel', ['online', 'in_person', 'paper']);

/** 议事协商: a topic put to the households of a compound or building (or the representatives), with options, quorum and closing time. */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...communityScopeIds(),
    /** the compound, building or community whose households (representatives) vote */
    areaId: uuid('area_id')
      .notNull()
      .references(() => areaNodes.id),
    compoundId: uuid('compound_id'),
    buildingId: uuid('building_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind').notNull(),
    eligibility: voteEligibility('eligibility').notNull(),
    options: jsonb('options').$type<{ key: string; label: string }[]>().notNull(),
    quorum: integer('quorum').notNull(),
    closesAt: ts('closes_at').notNull(),
    /** the eligible count frozen when results are published (the record keeps it) */
    eligibleAtClose: integer('eligible_at_close'),
    /** owners' votes: the exclusive area (in 0.01 m²) and the owners frozen when results are published */
    ownerBaseAtClose: jsonb('owner_base_at_close').$type<{ areaCm: number; owners: number; flats: number }>(),
    publishedAt: ts('published_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('consultations_community_idx').on(t.communityId, t.closesAt), index('consultations_area_idx').on(t.areaId)],
);

/** One vote; a household counts once across all channels (the unique index holds it under concurrency). */
export const consultationVotes = pgTable(
  'consultation_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    householdId: householdIdColumn(),
    residentId: uuid('resident_id').references(() => residents.id),
    /** owners' votes: the exclusive part (flat) this vote stands for; each counts once across all channels */
    flatId: uuid('flat_id').references(() => flats.id),
    optionKey: text('option_key').notNull(),
    channel: voteChannel('channel').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    castAt: ts('cast_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultation_votes_household_uq')
      .on(t.consultationId, t.householdId)
      .where(sql`flat_id IS NULL`),
    uniqueIndex('consultation_votes_flat_uq').on(t.consultationId, t.flatId),
  ],
);
