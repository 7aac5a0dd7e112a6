import { addDays, localDate } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/pool.js';
import { households } from '../../db/schema/index.js';
import { type AreaRow, buildHousehold, buildResident } from '../../testing/index.js';
import { insertVisit } from './repo.js';

/** Test rows for the visits module on top of the registry factories: dates relative to today. */
export const today = () => localDate();
export const daysAgo = (n: number) => addDays(localDate(), -n);

type Member = { tags?: string[]; status?: 'active' | 'moved_out' | 'deceased' };

/** A household in `building` registered `registeredDaysAgo` days ago, with members (one untagged head by default). */
export async function insertHousehold(
  db: Db,
  building: AreaRow,
  opts: { tags?: string[]; members?: Member[]; registeredDaysAgo?: number; status?: 'active' | 'moved_out' } = {},
): Promise<string> {
  const household = await buildHousehold(db, building, { tags: opts.tags ?? [], members: 0 });
  const createdAt = new Date(`${daysAgo(opts.registeredDaysAgo ?? 0)}T12:00:00+08:00`);
  await db
    .update(households)
    .set({ createdAt, status: opts.status ?? 'active' })
    .where(eq(households.id, household.id));
  for (const [i, m] of (opts.members ?? [{}]).entries())
    await buildResident(db, household, { relation: i === 0 ? '02' : '10', tags: m.tags ?? [], status: m.status ?? 'active' });
  return household.id;
}

/** A past visit, written through the repo so the household's last visit date follows (the visitor must exist). */
export async function insertPastVisit(db: Db, building: AreaRow, householdId: string, visitorId: string, visitedOn: string): Promise<void> {
  await insertVisit(db, {
    householdId,
    visitorId,
    visitedOn,
    kind: 'home',
    districtId: building.districtId!,
    streetId: building.streetId!,
    communityId: building.communityId!,
    compoundId: building.compoundId,
    gridId: building.gridId,
    buildingId: building.buildingId,
  });
}
