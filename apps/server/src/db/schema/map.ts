import { index, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areaNodes } from './areas.js';
import { residents } from './registry.js';

/** 楼长 building leader · 红色驿站党员 red-post party member */
export const buildingPostKind = pgEnum('building_post_kind', ['building_leader', 'red_post']);

/** A post on a building held by a resident (设岗定责), shown among the building's responsible people. */
export const buildingPosts = pgTable(
  'building_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => areaNodes.id, { onDelete: 'cascade' }),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => residents.id, { onDelete: 'cascade' }),
    post: buildingPostKind('post').notNull(),
    gridId: uuid('grid_id'),
    communityId: uuid('community_id').notNull(),
    streetId: uuid('street_id').notNull(),
    districtId: uuid('district_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('building_posts_uq').on(t.buildingId, t.post, t.residentId),
    index('building_posts_community_idx').on(t.communityId),
    index('building_posts_resident_idx').on(t.residentId),
  ],
);
