import { type OrderStage, type OrderStatus, STAGE_DUE_FIELD, STAGE_OF, stageDueAt } from '@linli/contracts';
import type { OrderPatch, OrderRow, ServiceRow } from './repo.js';

/** The deadline job's bookkeeping starts over whenever the deadline it watches changes. */
const FRESH_WATCH = { remindedAt: null, overdueSince: null, escalationLevel: 0 } as const;

/** Starts `stage` at `now`: the running deadline and that stage's own column. */
export function startStage(
  stage: OrderStage,
  now: Date,
  order: OrderRow,
  service: ServiceRow,
  extraHours = order.extensionHours,
): OrderPatch {
  const due = stageDueAt(stage, now, service.timeLimits, { emergency: order.emergency, extraHours });
  return { stageStartedAt: now, stageDueAt: due, [STAGE_DUE_FIELD[stage]]: due, ...FRESH_WATCH };
}

/**
 * The clock after a move from `order.status` to `to`: a new stage starts when the stage changes (or `restart`, as a
 * transfer to another handler does); terminal and suspended orders have no running deadline.
 */
export function clockAfter(order: OrderRow, to: OrderStatus, now: Date, service: ServiceRow, restart = false): OrderPatch {
  const stage = STAGE_OF[to];
  // a suspended order keeps its stage's start, deadline column and escalation: resume continues that stage
  if (to === 'suspended') return { stageDueAt: null };
  if (!stage) return { stageDueAt: null, stageStartedAt: null, ...FRESH_WATCH };
  if (!restart && stage === STAGE_OF[order.status]) return {};
  return startStage(stage, now, order, service);
}

/** Resuming: the suspended stage continues, its deadline moved later by the time spent suspended. */
export function resumedClock(order: OrderRow, to: OrderStatus, now: Date, service: ServiceRow): OrderPatch {
  const stage = STAGE_OF[to];
  if (!stage) return {};
  const column = STAGE_DUE_FIELD[stage];
  const paused = order.suspendedAt ? now.getTime() - order.suspendedAt.getTime() : 0;
  const previousDue = order[column];
  if (!previousDue || !order.stageStartedAt) return startStage(stage, now, order, service);
  const due = new Date(previousDue.getTime() + paused);
  return { stageStartedAt: new Date(order.stageStartedAt.getTime() + paused), stageDueAt: due, [column]: due };
}

/** An approved extension moves the handling deadline by the approved hours. */
export function extendedClock(order: OrderRow, hours: number, service: ServiceRow): OrderPatch {
  const start = order.stageStartedAt ?? new Date();
  return startStage('handle', start, order, service, order.extensionHours + hours);
}

/** Done before the deadline (no deadline counts as on time). */
export function onTime(due: Date | null, now: Date): boolean {
  return !due || now.getTime() <= due.getTime();
}
