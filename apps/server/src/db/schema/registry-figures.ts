import { bigserial, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { communityScopeIds } from './columns.js';

/** The key of a registry rollup cell: a grid (or none) of a community, with the street and district above it. */
const cellKey = () => ({ ...communityScopeIds(), gridId: uuid('grid_id') });

/**
 * Live residents and households per (community, grid) as they stand now, kept by the registry-rollup job
 * (modules/figures/registry-rollup.ts); a resident row and a household row per key, so reads sum them.
 */
export const registryFigureCells = pgTable(
  'registry_figure_cells',
  {
    ...cellKey(),
    residents: integer('residents').notNull(),
    floating: integer('floating').notNull(),
    taggedResidents: integer('tagged_residents').notNull(),
    households: integer('households').notNull(),
    taggedHouseholds: integer('tagged_households').notNull(),
  },
  (t) => [index('registry_figure_cells_cell_idx').on(t.communityId, t.gridId), index('registry_figure_cells_street_idx').on(t.streetId)],
);

/** How often each care tag sits on live residents and households of a (community, grid). */
export const registryTagCells = pgTable(
  'registry_tag_cells',
  { ...cellKey(), tag: text('tag').notNull(), n: integer('n').notNull() },
  (t) => [index('registry_tag_cells_cell_idx').on(t.communityId, t.gridId), index('registry_tag_cells_street_idx').on(t.streetId)],
);

/**
 * Households under care per (community, grid) and the day their next visit falls due (China time): overdue on a
 * day is every household due before it, so the count needs no "today" when it is kept.
 */
export const visitDueCells = pgTable(
  'visit_due_cells',
  { ...cellKey(), dueOn: date('due_on', { mode: 'string' }).notNull(), households: integer('households').notNull() },
  (t) => [index('visit_due_cells_cell_idx').on(t.communityId, t.gridId), index('visit_due_cells_street_idx').on(t.streetId, t.dueOn)],
);

/**
 * The (community, grid) cells whose rows changed since they were rolled up, appended by the statement triggers of
 * migration registry_rollups on residents, households, household_last_visits and care_tag_settings. Append-only, so
 * a writer never waits on another; a refresh deletes exactly the marks it read.
 */
export const registryFigureMarks = pgTable('registry_figure_marks', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  communityId: uuid('community_id').notNull(),
  gridId: uuid('grid_id'),
});

/** One row once the registry rollups were built, with the default visit intervals they were built with. */
export const registryRollupState = pgTable('registry_rollup_state', {
  name: text('name').primaryKey(),
  rulesKey: text('rules_key').notNull(),
});
