import { check, doublePrecision, pgTable, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { areaNodes } from './areas.js';

/**
 * The geographic box (WGS-84 degrees) an area node covers, for checking client coordinates (Open311 refuses a
 * request whose lat/long lie outside its street). One row per area that has one; most areas have none.
 */
export const areaBounds = pgTable(
  'area_bounds',
  {
    areaId: uuid('area_id')
      .primaryKey()
      .references(() => areaNodes.id, { onDelete: 'cascade' }),
    south: doublePrecision('south').notNull(),
    west: doublePrecision('west').notNull(),
    north: doublePrecision('north').notNull(),
    east: doublePrecision('east').notNull(),
  },
  (t) => [check('area_bounds_box_ck', sql`${t.south} < ${t.north} AND ${t.west} < ${t.east}`)],
);
