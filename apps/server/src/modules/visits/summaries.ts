import { type VisitSummary, localDate, visitState } from '@linli/contracts';
import type { Db, Tx } from '../../db/pool.js';
import { intervalsFor } from './intervals.js';
import { loadDueInputs, loadTagSettings } from './repo.js';

/**
 * Last visit, required interval and next due date of each household (absent ids are left out).
 * The registry's household presenter calls this for HouseholdDto.lastVisitOn / nextVisitDue.
 */
export async function visitSummaries(
  db: Db | Tx,
  householdIds: readonly string[],
  today = localDate(),
): Promise<Map<string, VisitSummary>> {
  const inputs = await loadDueInputs(db, householdIds);
  const settings = await loadTagSettings(db, [...new Set(inputs.map((h) => h.communityId))]);
  const out = new Map<string, VisitSummary>();
  for (const h of inputs) {
    const state = visitState({
      tags: h.tags,
      intervals: intervalsFor(settings, h.communityId),
      lastVisitOn: h.lastVisitOn,
      since: h.since,
      today,
    });
    out.set(h.id, { lastVisitOn: h.lastVisitOn, everyDays: state.everyDays, nextVisitDue: state.nextVisitDue });
  }
  return out;
}
