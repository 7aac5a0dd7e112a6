import type { FigureAverages, FigureCounts } from '@linli/contracts';
import { EMPTY_COUNTS } from './calculator.js';

/** Seconds summed and how many orders they cover, for each of the four averages, flattened: [sum, n] × 4. */
export type Durations = [number, number, number, number, number, number, number, number];

const AVERAGES: (keyof FigureAverages)[] = ['placedToDispatched', 'dispatchedToAccepted', 'acceptedToHandled', 'placedToClosed'];

/** Adds up cells of counts and duration sums; averages are taken only at the end, so rolling up stays exact. */
export class FigureAccumulator {
  private counts: FigureCounts = { ...EMPTY_COUNTS };
  private durations: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

  add(counts: FigureCounts, durations: Durations): void {
    for (const k of Object.keys(this.counts) as (keyof FigureCounts)[]) this.counts[k] += counts[k];
    durations.forEach((v, i) => (this.durations[i]! += v));
  }

  bucket(): { counts: FigureCounts; averages: FigureAverages } {
    const averages = Object.fromEntries(
      AVERAGES.map((k, i) => {
        const [sum, n] = [this.durations[2 * i]!, this.durations[2 * i + 1]!];
        return [k, n > 0 ? sum / n / 60 : null];
      }),
    ) as FigureAverages;
    return { counts: { ...this.counts }, averages };
  }
}
