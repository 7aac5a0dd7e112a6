import { type HouseholdDto, type HouseholdListItem, type ResidentDto, localDate } from '@linli/contracts';
import type { AuthedCtx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { visitSummaries } from '../visits/summaries.js';
import { presentHousehold, presentHouseholdItem, presentResident } from './presenter.js';
import { type HouseholdWithAddress, findHousehold, findResident, loadHouseholds, loadMembers } from './repo.js';

/** The household card of a loaded household: members (active first) and visit dates; callers have checked scope. */
export async function presentHouseholdCard(ctx: AuthedCtx, row: HouseholdWithAddress): Promise<HouseholdDto> {
  const [members, visits] = await Promise.all([loadMembers(ctx.db, row.id), visitSummaries(ctx.db, [row.id])]);
  const v = visits.get(row.id);
  return presentHousehold({ actor: ctx.actor, pii: ctx.pii, today: localDate() }, row, members, {
    lastVisitOn: v?.lastVisitOn ?? null,
    nextVisitDue: v?.nextVisitDue ?? null,
  });
}

/** The household card by id, as a write answers it; no scope check — the verb has done it. */
export async function householdCard(ctx: AuthedCtx, householdId: string): Promise<HouseholdDto> {
  const row = await findHousehold(ctx.db, householdId);
  if (!row) throw notFound('household');
  return presentHouseholdCard(ctx, row);
}

/** A resident as a write answers it; no scope check — the verb has done it. */
export async function residentCard(ctx: AuthedCtx, residentId: string): Promise<ResidentDto> {
  const row = await findResident(ctx.db, residentId);
  if (!row) throw notFound('resident');
  return presentResident({ actor: ctx.actor, pii: ctx.pii, today: localDate() }, row);
}

/** List items of the given households, unchecked: for modules that already scoped their ids (visits, map). */
export async function householdItems(db: Db | Tx, ids: readonly string[]): Promise<HouseholdListItem[]> {
  return (await loadHouseholds(db, [...ids])).map(presentHouseholdItem);
}
