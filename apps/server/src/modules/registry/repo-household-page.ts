import { and, count, isNull } from 'drizzle-orm';
import type { Db } from '../../db/pool.js';
import { flats, households } from '../../db/schema/index.js';
import {
  ADDRESS_ORDER,
  type HouseholdFilter,
  type IdPage,
  type Paging,
  building,
  buildingJoin,
  flatJoin,
  householdConditions,
} from './repo-search.js';

/**
 * The list's households in a building of the scope, or (`inBuilding` false) the rest, in address order. The first
 * is an inner join, so the planner can read buildings in code order and stop once the page is full (an
 * incremental sort per building) instead of sorting every household of a street for each page.
 */
function householdsPageQuery(db: Db, f: HouseholdFilter, inBuilding: boolean) {
  const q = db.select({ id: households.id }).from(households).leftJoin(flats, flatJoin(f.scope)).$dynamic();
  if (inBuilding) q.innerJoin(building, buildingJoin(f.scope)).where(householdConditions(f));
  else q.leftJoin(building, buildingJoin(f.scope)).where(and(householdConditions(f), isNull(building.id)));
  return q.orderBy(...ADDRESS_ORDER);
}

/**
 * One page of matching household ids in address order, and the total: those in a building first (a missing
 * building sorts last in the address order), then, on the page where they end, the ones without.
 */
export async function listHouseholdIds(db: Db, f: HouseholdFilter, p: Paging): Promise<IdPage> {
  const offset = (p.page - 1) * p.pageSize;
  const counts = db
    .select({ n: count(), inBuildings: count(building.id) })
    .from(households)
    .leftJoin(building, buildingJoin(f.scope))
    .$dynamic();
  if (f.address) counts.leftJoin(flats, flatJoin(f.scope));
  const [page, [c]] = await Promise.all([
    householdsPageQuery(db, f, true).limit(p.pageSize).offset(offset),
    counts.where(householdConditions(f)),
  ]);
  const total = c?.n ?? 0;
  const inBuildings = c?.inBuildings ?? 0;
  if (page.length === p.pageSize || inBuildings === total) return { ids: page.map((r) => r.id), total };
  const rest = await householdsPageQuery(db, f, false)
    .limit(p.pageSize - page.length)
    .offset(Math.max(0, offset - inBuildings));
  return { ids: [...page, ...rest].map((r) => r.id), total };
}
