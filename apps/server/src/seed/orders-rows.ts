import type { Pii } from '../core/pii.js';
import type { DemoOrder } from './orders.js';
import type { OrderInsert } from './orders-sim.js';

/**
 * The order rows to insert, every column given (a batch insert sends NULL, not the default, for a missing value);
 * the contact phone leaves memory only encrypted.
 */
export function demoOrderRows(orders: readonly DemoOrder[], pii: Pii): OrderInsert[] {
  return orders.map(({ row, phone }) => ({
    ...row,
    contactPhoneEnc: phone ? pii.encrypt(phone) : null,
    stageStartedAt: row.stageStartedAt ?? null,
    stageDueAt: row.stageDueAt ?? null,
    version: row.version ?? 1,
    escalationLevel: row.escalationLevel ?? 0,
    reworkCount: row.reworkCount ?? 0,
    extensionCount: row.extensionCount ?? 0,
    extensionHours: row.extensionHours ?? 0,
    ratingReasons: row.ratingReasons ?? [],
    updatedAt: row.updatedAt ?? row.placedAt,
  }));
}
