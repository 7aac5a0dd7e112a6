import { date, doublePrecision, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { serviceCategory } from './catalogue.js';
import { communityScopeIds } from './columns.js';

/**
 * One cell of order figures: the orders placed in its span (China time) of one community, service and handler, as
 * they stand now: the counts of the figures module and, per average, the seconds summed and how many orders they
 * cover. Cells add up exactly; rates and averages are taken only when read.
 */
const figureCell = () => ({
  ...communityScopeIds(),
  serviceId: uuid('service_id').notNull(),
  category: serviceCategory('category').notNull(),
  handlerOrgId: uuid('handler_org_id'),
  placed: integer('placed').notNull(),
  dispatched: integer('dispatched').notNull(),
  acceptedOnTime: integer('accepted_on_time').notNull(),
  closed: integer('closed').notNull(),
  resolved: integer('resolved').notNull(),
  closedOnTime: integer('closed_on_time').notNull(),
  handled: integer('handled').notNull(),
  reworked: integer('reworked').notNull(),
  extended: integer('extended').notNull(),
  rated: integer('rated').notNull(),
  satisfied: integer('satisfied').notNull(),
  dispatchSeconds: doublePrecision('dispatch_seconds').notNull(),
  dispatchN: integer('dispatch_n').notNull(),
  acceptSeconds: doublePrecision('accept_seconds').notNull(),
  acceptN: integer('accept_n').notNull(),
  handleSeconds: doublePrecision('handle_seconds').notNull(),
  handleN: integer('handle_n').notNull(),
  closeSeconds: doublePrecision('close_seconds').notNull(),
  closeN: integer('close_n').notNull(),
});

/** Order figures per day placed × community × service × handler, kept by the figure-rollup job (jobs/figure-rollup-pass.ts). */
export const orderFigureDays = pgTable('order_figure_days', { day: date('day').notNull(), ...figureCell() }, (t) => [
  index('order_figure_days_community_idx').on(t.communityId, t.day),
  index('order_figure_days_street_idx').on(t.streetId, t.day),
  index('order_figure_days_day_idx').on(t.day),
]);

/** The same cells per calendar month (the first day of it), summed from order_figure_days by the same job. */
export const orderFigureMonths = pgTable('order_figure_months', { month: date('month').notNull(), ...figureCell() }, (t) => [
  index('order_figure_months_community_idx').on(t.communityId, t.month),
  index('order_figure_months_street_idx').on(t.streetId, t.month),
]);

/**
 * The (day, community) cells whose orders changed after their day was rolled up, marked by the orders triggers of
 * migration figure_rollup_triggers; `seq` grows with every mark, so a refresh clears only the mark it read.
 */
export const orderFigureDirty = pgTable(
  'order_figure_dirty',
  {
    day: date('day').notNull(),
    communityId: uuid('community_id').notNull(),
    seq: integer('seq').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.day, t.communityId] })],
);

/** How far the rollups reach: every day up to `builtThrough` (China time) is in order_figure_days. One row. */
export const figureRollupState = pgTable('figure_rollup_state', {
  name: text('name').primaryKey(),
  builtThrough: date('built_through', { mode: 'string' }),
});
