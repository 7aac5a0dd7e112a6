import { date, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areaNodes, handlerOrgs } from './areas.js';

/** 物业管理: the company serving a compound and its contract period; no org means 无物业小区 (the community serves it). */
export const compoundProperty = pgTable(
  'compound_property',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    compoundId: uuid('compound_id')
      .notNull()
      .references(() => areaNodes.id, { onDelete: 'cascade' }),
    districtId: uuid('district_id').notNull(),
    streetId: uuid('street_id').notNull(),
    communityId: uuid('community_id').notNull(),
    orgId: uuid('org_id').references(() => handlerOrgs.id),
    contractStart: date('contract_start'),
    contractEnd: date('contract_end'),
    note: text('note').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('compound_property_compound_uq').on(t.compoundId)],
);
