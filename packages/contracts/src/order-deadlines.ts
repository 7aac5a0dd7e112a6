import type { TimeLimits } from './catalogue-dto.js';
import type { OrderStatus } from './order-machine.js';

/** China keeps one offset all year. */
const OFFSET_MS = 8 * 3600_000;
const MINUTE = 60_000;
/** Working hours of the supermarket desk, local time, Monday to Friday. */
export const WORKING_DAY = { startMinute: 8 * 60 + 30, endMinute: 17 * 60 + 30 } as const;

function isWorkday(localMs: number): boolean {
  const day = new Date(localMs).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * Adds `minutes` of desk working time to `from` (public holidays are not modelled). An order placed at night or
 * at the weekend is due `minutes` after the next working day opens.
 */
export function addWorkingMinutes(from: Date, minutes: number): Date {
  let local = from.getTime() + OFFSET_MS;
  let left = minutes;
  for (let guard = 0; guard < 400; guard++) {
    const dayStart = Math.floor(local / 86_400_000) * 86_400_000;
    const open = dayStart + WORKING_DAY.startMinute * MINUTE;
    const close = dayStart + WORKING_DAY.endMinute * MINUTE;
    if (!isWorkday(local) || local >= close) {
      local = dayStart + 86_400_000 + WORKING_DAY.startMinute * MINUTE;
      continue;
    }
    if (local < open) local = open;
    const room = (close - local) / MINUTE;
    if (left <= room) return new Date(local + left * MINUTE - OFFSET_MS);
    left -= room;
    local = dayStart + 86_400_000 + WORKING_DAY.startMinute * MINUTE;
  }
  throw new Error('addWorkingMinutes: no working day found');
}

/** The stage whose clock runs in each open status. */
export const STAGE_OF: Partial<Record<OrderStatus, 'dispatch' | 'accept' | 'handle' | 'confirm' | 'close'>> = {
  placed: 'dispatch',
  dispatched: 'accept',
  accepted: 'handle',
  in_progress: 'handle',
  handled: 'confirm',
  confirmed: 'close',
};
export type OrderStage = 'dispatch' | 'accept' | 'handle' | 'confirm' | 'close';
export const ORDER_STAGES: readonly OrderStage[] = ['dispatch', 'accept', 'handle', 'confirm', 'close'];

/** The deadline field of each stage, on an order row and in its DTO's `deadlines`. */
export const STAGE_DUE_FIELD = {
  dispatch: 'dispatchDueAt',
  accept: 'acceptDueAt',
  handle: 'handleDueAt',
  confirm: 'confirmDueAt',
  close: 'closeDueAt',
} as const satisfies Record<OrderStage, string>;

/**
 * When a stage entered at `start` is due. Dispatch and acceptance count working time (the desk and the handler
 * organisations keep office hours), except for emergencies, which run round the clock; the later stages run in
 * calendar time. `extraHours` are approved extensions of the handling stage.
 */
export function stageDueAt(stage: OrderStage, start: Date, limits: TimeLimits, opts: { emergency: boolean; extraHours?: number }): Date {
  const t = start.getTime();
  switch (stage) {
    case 'dispatch':
      return opts.emergency ? new Date(t + limits.dispatchMinutes * MINUTE) : addWorkingMinutes(start, limits.dispatchMinutes);
    case 'accept':
      return opts.emergency ? new Date(t + limits.acceptMinutes * MINUTE) : addWorkingMinutes(start, limits.acceptMinutes);
    case 'handle':
      return new Date(t + (limits.handleHours + (opts.extraHours ?? 0)) * 3600_000);
    case 'confirm':
      return new Date(t + limits.confirmHours * 3600_000);
    case 'close':
      return new Date(t + limits.closeHours * 3600_000);
  }
}

/** Escalation ladder of an overdue order: 1 grid → 2 community → 3 street (0: not overdue). */
export const ESCALATION_LEVELS = ['none', 'grid', 'community', 'street'] as const;
export type EscalationLevel = 0 | 1 | 2 | 3;

/**
 * The escalation an overdue stage has reached: the grid as soon as it is overdue, the community after another
 * half of the stage's own limit (at least one hour), the street after a full limit more.
 */
export function escalationFor(dueAt: Date, stageMinutes: number, now: Date): EscalationLevel {
  const late = now.getTime() - dueAt.getTime();
  if (late <= 0) return 0;
  const step = Math.max(60, stageMinutes / 2) * MINUTE;
  if (late >= 3 * step) return 3;
  if (late >= step) return 2;
  return 1;
}

/** A reminder goes out once this share of the stage's time is used. */
export const REMIND_AT_SHARE = 0.8;

export function remindAt(start: Date, dueAt: Date): Date {
  return new Date(start.getTime() + (dueAt.getTime() - start.getTime()) * REMIND_AT_SHARE);
}
