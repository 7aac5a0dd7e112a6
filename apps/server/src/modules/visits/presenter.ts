import type { HouseholdListItem, OverdueItem, VisitDto } from '@linli/contracts';
import type { OverdueRow } from './repo-overdue.js';
import type { VisitRow } from './repo.js';

export function presentVisit(row: VisitRow): VisitDto {
  return {
    id: row.id,
    householdId: row.householdId,
    visitedOn: row.visitedOn,
    kind: row.kind,
    notes: row.notes,
    needs: row.needs,
    visitor: { id: row.visitorId, name: row.visitorName },
    createdAt: row.createdAt.toISOString(),
  };
}

/** Overdue rows with their households; a row whose household could not be loaded is dropped. */
export function presentOverdue(rows: readonly OverdueRow[], households: ReadonlyMap<string, HouseholdListItem>): OverdueItem[] {
  return rows.flatMap(({ householdId, ...rest }) => {
    const household = households.get(householdId);
    return household ? [{ household, ...rest }] : [];
  });
}
