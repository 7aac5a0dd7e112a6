import { z } from 'zod';

/** What the figures (工单统计) are grouped by. */
export const FiguresGroupBy = z.enum(['service', 'category', 'handler', 'grid', 'community', 'street']);
export type FiguresGroupBy = z.infer<typeof FiguresGroupBy>;

/**
 * The cohort is the orders placed from `from` to `to` (dates, both included, in China time); without them, the last
 * 12 months up to today. `areaId` narrows to one area inside the reader's scope.
 */
export const FiguresQuery = z.object({
  groupBy: FiguresGroupBy.default('service'),
  areaId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type FiguresQuery = z.infer<typeof FiguresQuery>;

/** The counts every rate is made of, for the orders placed in the period. */
export const FigureCounts = z.object({
  placed: z.number().int(),
  /** dispatched at least once (派单) */
  dispatched: z.number().int(),
  acceptedOnTime: z.number().int(),
  /** status closed (结案), leaving out outcomes "duplicate" and "withdrawn"; merged and withdrawn orders never close */
  closed: z.number().int(),
  resolved: z.number().int(),
  closedOnTime: z.number().int(),
  /** reported handled at least once */
  handled: z.number().int(),
  /** handled orders contested back to work at least once (返工) */
  reworked: z.number().int(),
  /** dispatched orders with at least one approved extension (延期) */
  extended: z.number().int(),
  rated: z.number().int(),
  /** rated satisfied or basically satisfied */
  satisfied: z.number().int(),
});
export type FigureCounts = z.infer<typeof FigureCounts>;

const rate = z.number().min(0).max(1).nullable();
const minutes = z.number().nullable();

/** Rates from 0 to 1, null when nothing is in the denominator. */
export const FigureRates = z.object({
  /** 响应率: accepted on time / dispatched */
  responseRate: rate,
  /** 解决率: closed with outcome resolved / closed */
  resolutionRate: rate,
  /** 满意率: (satisfied + basically satisfied) / rated */
  satisfactionRate: rate,
  /** 按时办结率: closed on time / closed */
  onTimeCloseRate: rate,
  /** 返工率: handled orders with rework / handled */
  reworkRate: rate,
  /** 延期率: dispatched orders with an extension / dispatched */
  extensionRate: rate,
});
export type FigureRates = z.infer<typeof FigureRates>;

/** Average minutes between stages, over the orders that reached the later one; null when none did. */
export const FigureAverages = z.object({
  placedToDispatched: minutes,
  dispatchedToAccepted: minutes,
  acceptedToHandled: minutes,
  /** over closed orders as counted above */
  placedToClosed: minutes,
});
export type FigureAverages = z.infer<typeof FigureAverages>;

export const FigureSet = z.object({ counts: FigureCounts, rates: FigureRates, averages: FigureAverages });
export type FigureSet = z.infer<typeof FigureSet>;

/** One group: a service, category, handler organisation or area; `key` null gathers orders without one (not yet dispatched, no grid). */
export const FiguresRow = FigureSet.extend({ key: z.string().nullable(), name: z.string() });
export type FiguresRow = z.infer<typeof FiguresRow>;

/** One calendar month of the period (by placing date), for the charts. */
export const FiguresMonth = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  placed: z.number().int(),
  responseRate: rate,
  resolutionRate: rate,
  satisfactionRate: rate,
});
export type FiguresMonth = z.infer<typeof FiguresMonth>;

export const FiguresDto = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    groupBy: FiguresGroupBy,
    area: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    totals: FigureSet,
    rows: z.array(FiguresRow),
    months: z.array(FiguresMonth),
  })
  .meta({ id: 'FiguresDto' });
export type FiguresDto = z.infer<typeof FiguresDto>;
