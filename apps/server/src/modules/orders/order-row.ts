import type { orders } from '../../db/schema/index.js';

/** One row of `orders` as loaded by every order verb and read. */
export type OrderRow = typeof orders.$inferSelect;
