import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { flats } from './areas.js';
import { communityScopeIds, ts } from './columns.js';
import { households } from './registry.js';

/** 业主: the household that owns a flat (an exclusive part, 专有部分); owners' votes count by it. */
export const flatOwners = pgTable(
  'flat_owners',
  {
    flatId: uuid('flat_id')
      .primaryKey()
      .references(() => flats.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    ...communityScopeIds(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('flat_owners_household_idx').on(t.householdId), index('flat_owners_community_idx').on(t.communityId)],
);
