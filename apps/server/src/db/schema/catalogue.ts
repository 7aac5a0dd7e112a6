import type { ServiceField, TimeLimits } from '@linli/contracts';
import { ServiceCategoryCode } from '@linli/contracts';
import { boolean, index, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areaNodes, handlerOrgs } from './areas.js';
import { tuple } from './columns.js';

export const serviceCategory = pgEnum('service_category', tuple(ServiceCategoryCode.options));

/** A sub-service of the e-service supermarket catalogue; each street keeps its own catalogue. */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull(),
    streetId: uuid('street_id')
      .notNull()
      .references(() => areaNodes.id),
    code: text('code').notNull(),
    category: serviceCategory('category').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    keywords: text('keywords').array().notNull().default([]),
    fields: jsonb('fields').$type<ServiceField[]>().notNull().default([]),
    defaultHandlerOrgId: uuid('default_handler_org_id').references(() => handlerOrgs.id),
    timeLimits: jsonb('time_limits').$type<TimeLimits>().notNull(),
    emergency: boolean('emergency').notNull().default(false),
    active: boolean('active').notNull().default(true),
    position: smallint('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('services_street_code_uq').on(t.streetId, t.code), index('services_street_category_idx').on(t.streetId, t.category)],
);

/** Per-community order settings: whether the community admin closes orders instead of the street. */
export const communityOrderSettings = pgTable('community_order_settings', {
  communityId: uuid('community_id')
    .primaryKey()
    .references(() => areaNodes.id),
  communityMayClose: boolean('community_may_close').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
