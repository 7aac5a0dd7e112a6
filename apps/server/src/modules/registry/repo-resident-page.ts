import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/pool.js';
import { flats, households, residents } from '../../db/schema/index.js';
import {
  ADDRESS_ORDER,
  type IdPage,
  type Paging,
  type ResidentFilter,
  building,
  buildingJoin,
  byBuilding,
  flatJoin,
  residentConditions,
  residentIdsQuery,
} from './repo-search.js';

/**
 * Resident searches stop counting here. Past it the page is found by walking the scope in address order (a common
 * surname matches one resident in ten: the first page is a few buildings away) instead of collecting and sorting
 * every match, and the total reads "more than" (`totalCapped`).
 */
export const RESIDENT_COUNT_CAP = 1_000;

export type ResidentIdPage = IdPage & { totalCapped: boolean };

const fromResidents = (db: Db) =>
  db.select({ id: residents.id }).from(residents).innerJoin(households, eq(households.id, residents.householdId)).$dynamic();

/** Matches counted up to `cap` (flats and buildings joined only when the address filters by them). */
async function cappedCount(db: Db, f: ResidentFilter, cap: number): Promise<number> {
  const q = fromResidents(db);
  if (f.address) q.leftJoin(flats, flatJoin(f.scope)).leftJoin(building, buildingJoin(f.scope));
  const [row] = await db.select({ n: count() }).from(q.where(residentConditions(f)).limit(cap).as('capped'));
  return row?.n ?? 0;
}

/** Matches in a building of the scope, counted exactly (a walk paging past them needs it). */
async function countInBuildings(db: Db, f: ResidentFilter): Promise<number> {
  const q = db
    .select({ n: count() })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .innerJoin(building, buildingJoin(f.scope))
    .$dynamic();
  if (f.address) q.leftJoin(flats, flatJoin(f.scope));
  const [row] = await q.where(residentConditions(f));
  return row?.n ?? 0;
}

/** Matches in a building of the scope, or the rest, in address order, without the name keys (see residentConditions). */
function walkQuery(db: Db, f: ResidentFilter, inBuilding: boolean) {
  const q = fromResidents(db).leftJoin(flats, flatJoin(f.scope));
  return byBuilding(q, f.scope, residentConditions(f, false), inBuilding).orderBy(
    ...ADDRESS_ORDER,
    asc(residents.relation),
    asc(residents.id),
  );
}

/** A page of many matches: those in buildings first, then, on the page where they end, the ones without. */
async function walkedPage(db: Db, f: ResidentFilter, p: Paging): Promise<string[]> {
  const offset = (p.page - 1) * p.pageSize;
  const first = await walkQuery(db, f, true).limit(p.pageSize).offset(offset);
  if (first.length === p.pageSize) return first.map((r) => r.id);
  const before = first.length > 0 ? offset + first.length : await countInBuildings(db, f);
  const rest = await walkQuery(db, f, false)
    .limit(p.pageSize - first.length)
    .offset(Math.max(0, offset - before));
  return [...first, ...rest].map((r) => r.id);
}

/**
 * One page of matching resident ids in address order, and the total up to `cap`: below it every match is collected
 * (through the name keys) and sorted; at it the page is walked (`walkedPage`). The same ids either way.
 */
export async function searchResidentIds(db: Db, f: ResidentFilter, p: Paging, cap = RESIDENT_COUNT_CAP): Promise<ResidentIdPage> {
  const total = await cappedCount(db, f, cap);
  if (total >= cap) return { ids: await walkedPage(db, f, p), total, totalCapped: true };
  const page = await residentIdsQuery(db, f)
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  return { ids: page.map((r) => r.id), total, totalCapped: false };
}
