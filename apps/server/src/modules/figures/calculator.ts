import type { FigureAverages, FigureCounts, FigureRates, FigureSet } from '@linli/contracts';

export const EMPTY_COUNTS: FigureCounts = {
  placed: 0,
  dispatched: 0,
  acceptedOnTime: 0,
  closed: 0,
  resolved: 0,
  closedOnTime: 0,
  handled: 0,
  reworked: 0,
  extended: 0,
  rated: 0,
  satisfied: 0,
};

export const NO_AVERAGES: FigureAverages = {
  placedToDispatched: null,
  dispatchedToAccepted: null,
  acceptedToHandled: null,
  placedToClosed: null,
};

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** The six rates of DOMAIN.md from their counts (definitions on FigureRates). */
export function ratesOf(c: FigureCounts): FigureRates {
  return {
    responseRate: ratio(c.acceptedOnTime, c.dispatched),
    resolutionRate: ratio(c.resolved, c.closed),
    satisfactionRate: ratio(c.satisfied, c.rated),
    onTimeCloseRate: ratio(c.closedOnTime, c.closed),
    reworkRate: ratio(c.reworked, c.handled),
    extensionRate: ratio(c.extended, c.dispatched),
  };
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function figureSet(counts: FigureCounts, averages: FigureAverages): FigureSet {
  return {
    counts,
    rates: ratesOf(counts),
    averages: {
      placedToDispatched: round1(averages.placedToDispatched),
      dispatchedToAccepted: round1(averages.dispatchedToAccepted),
      acceptedToHandled: round1(averages.acceptedToHandled),
      placedToClosed: round1(averages.placedToClosed),
    },
  };
}
