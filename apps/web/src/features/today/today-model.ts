import { daysBetween } from '@linli/contracts';

/** How a visit on the today list is due: never visited, overdue by n days, due today, or due in n days. */
export type DueLabel = { kind: 'never' } | { kind: 'overdue'; days: number } | { kind: 'today' } | { kind: 'soon'; days: number };

export function dueLabel(item: { lastVisitOn: string | null; dueOn: string; daysOverdue: number }, today: string): DueLabel {
  if (item.lastVisitOn === null) return { kind: 'never' };
  if (item.daysOverdue > 0) return { kind: 'overdue', days: item.daysOverdue };
  const ahead = daysBetween(today, item.dueOn);
  return ahead <= 0 ? { kind: 'today' } : { kind: 'soon', days: ahead };
}

export const DUE_COLORS: Record<DueLabel['kind'], string> = { never: 'red', overdue: 'volcano', today: 'gold', soon: 'blue' };
