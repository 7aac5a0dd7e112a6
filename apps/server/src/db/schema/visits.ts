import type { VisitNeed } from '@linli/contracts';
import { date, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { areaScopeIds } from './columns.js';
import { householdIdColumn, households } from './registry.js';
import { users } from './users.js';

export const visitKind = pgEnum('visit_kind', ['home', 'phone', 'other']);

/** 走访: a visit to a household by a grid worker (or building leader), with the needs found. */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: householdIdColumn(),
    ...areaScopeIds(),
    visitorId: uuid('visitor_id')
      .notNull()
      .references(() => users.id),
    visitedOn: date('visited_on').notNull(),
    kind: visitKind('kind').notNull(),
    notes: text('notes').notNull().default(''),
    needs: jsonb('needs').$type<VisitNeed[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_household_visited_idx').on(t.householdId, t.visitedOn),
    index('visits_community_visited_idx').on(t.communityId, t.visitedOn),
  ],
);

/**
 * The latest visit date of each visited household, kept by the verb that records a visit, so the overdue
 * list joins one row per household instead of searching every household's visits (210,000 at district scale).
 */
export const householdLastVisits = pgTable('household_last_visits', {
  householdId: uuid('household_id')
    .primaryKey()
    .references(() => households.id),
  lastVisitedOn: date('last_visited_on').notNull(),
});
