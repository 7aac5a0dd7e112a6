import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { communityScopeIds } from './columns.js';
import { areaKind, handlerOrgKind } from './enums.js';

/**
 * One row per node of the area tree. Every node carries the ids of its ancestors (and itself)
 * in districtId … buildingId, so a scope filter is one equality and a Citus-style distribution
 * by community stays possible.
 */
export const areaNodes = pgTable(
  'area_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: areaKind('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => areaNodes.id),
    districtId: uuid('district_id'),
    streetId: uuid('street_id'),
    communityId: uuid('community_id'),
    compoundId: uuid('compound_id'),
    /** for grids: itself; for buildings: the managing grid */
    gridId: uuid('grid_id'),
    buildingId: uuid('building_id'),
    /** site-map position (buildings), arranged by staff */
    mapX: integer('map_x'),
    mapY: integer('map_y'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('area_nodes_code_uq').on(t.code),
    index('area_nodes_parent_idx').on(t.parentId),
    index('area_nodes_street_idx').on(t.streetId),
    index('area_nodes_community_idx').on(t.communityId),
    index('area_nodes_grid_idx').on(t.gridId),
    check('area_nodes_parent_ck', sql`(${t.kind} = 'district') = (${t.parentId} IS NULL)`),
  ],
);

/** The area node a row is bound to: the street or community it serves. */
export const areaIdColumn = () =>
  uuid('area_id')
    .notNull()
    .references(() => areaNodes.id);

/** Flats (户/房号) of a building: one row per flat, so floors and units may differ in flat count. */
export const flats = pgTable(
  'flats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => areaNodes.id, { onDelete: 'cascade' }),
    ...communityScopeIds(),
    gridId: uuid('grid_id'),
    unitNo: smallint('unit_no').notNull(),
    floorNo: smallint('floor_no').notNull(),
    flatNo: text('flat_no').notNull(),
    position: smallint('position').notNull(),
    /** 专有部分建筑面积 (m²): what an owners' vote (Civil Code art. 278) weighs */
    floorAreaM2: numeric('floor_area_m2', { precision: 8, scale: 2, mode: 'number' }),
  },
  (t) => [uniqueIndex('flats_building_unit_no_uq').on(t.buildingId, t.unitNo, t.flatNo), index('flats_community_idx').on(t.communityId)],
);

/** 处置单位: property companies, social organisations, legal center, volunteer teams, departments. */
export const handlerOrgs = pgTable(
  'handler_orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: handlerOrgKind('kind').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    areaId: areaIdColumn(),
    districtId: uuid('district_id').notNull(),
    streetId: uuid('street_id').notNull(),
    communityId: uuid('community_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('handler_orgs_street_idx').on(t.streetId), uniqueIndex('handler_orgs_area_name_uq').on(t.areaId, t.name)],
);
