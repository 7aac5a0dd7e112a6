import { TERMINAL_STATUSES, type OrderEvent, type OrderStatus } from '@linli/contracts';

/** The forward moves, in the order a handler makes them. */
const FORWARD: readonly OrderEvent[] = ['accept', 'start', 'handle'];

export type NextStep =
  { kind: 'event'; event: 'accept' | 'start' | 'handle' } | { kind: 'wait'; key: 'waitRating' | 'waitClose' | 'done' | 'none' };

/** What comes next on an order for this user: their next forward move if they have one, else what the order waits for. */
export function nextStep(order: { status: OrderStatus; abilities: { events: readonly OrderEvent[] } }): NextStep {
  const event = FORWARD.find((e) => order.abilities.events.includes(e));
  if (event) return { kind: 'event', event: event as 'accept' | 'start' | 'handle' };
  if (order.status === 'handled') return { kind: 'wait', key: 'waitRating' };
  if (order.status === 'confirmed') return { kind: 'wait', key: 'waitClose' };
  if (TERMINAL_STATUSES.includes(order.status)) return { kind: 'wait', key: 'done' };
  return { kind: 'wait', key: 'none' };
}

/**
 * The orders a work list shows: the page (marking the ones the user just moved), and above it the moved ones the
 * move took out of the current tab or page, as the move left them.
 */
export function withKept<T extends { id: string }>(page: readonly T[], kept: readonly T[]): { item: T; kept: boolean }[] {
  const onPage = new Set(page.map((o) => o.id));
  const keptIds = new Set(kept.map((o) => o.id));
  return [
    ...kept.filter((o) => !onPage.has(o.id)).map((item) => ({ item, kept: true })),
    ...page.map((item) => ({ item, kept: keptIds.has(item.id) })),
  ];
}
