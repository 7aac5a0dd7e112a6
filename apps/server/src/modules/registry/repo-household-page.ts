import type { AreaKind } from '@linli/contracts';
import { count, sql } from 'drizzle-orm';
import type { Db } from '../../db/pool.js';
import { preparedPerShape } from '../../db/prepared.js';
import { flats, households } from '../../db/schema/index.js';
import {
  ADDRESS_ORDER,
  type HouseholdFilter,
  type IdPage,
  type Paging,
  areaScopeParam,
  building,
  buildingJoin,
  byBuilding,
  flatJoin,
  householdConditions,
} from './repo-search.js';
import type { SoleArea } from './sole-area.js';

/** The list's households in a building of the scope, or (`inBuilding` false) the rest, in address order. */
function householdsPageQuery(db: Db, f: HouseholdFilter, inBuilding: boolean) {
  const q = db.select({ id: households.id }).from(households).leftJoin(flats, flatJoin(f.scope)).$dynamic();
  return byBuilding(q, f.scope, householdConditions(f), inBuilding).orderBy(...ADDRESS_ORDER);
}

/** How many households match, and how many of them are in a building of the scope. */
function householdsCountQuery(db: Db, f: HouseholdFilter) {
  const q = db
    .select({ n: count(), inBuildings: count(building.id) })
    .from(households)
    .leftJoin(building, buildingJoin(f.scope))
    .$dynamic();
  if (f.address) q.leftJoin(flats, flatJoin(f.scope));
  return q.where(householdConditions(f));
}

/** The queries of one list page: the counts, and a slice of either part of the address order. */
type PageQueries = {
  counts: () => Promise<{ n: number; inBuildings: number }[]>;
  part: (inBuilding: boolean, limit: number, offset: number) => Promise<{ id: string }[]>;
};

/** Any filter: the queries built for this request. */
function builtQueries(db: Db, f: HouseholdFilter): PageQueries {
  return {
    counts: () => householdsCountQuery(db, f),
    part: (inBuilding, limit, offset) => householdsPageQuery(db, f, inBuilding).limit(limit).offset(offset),
  };
}

type Shape = { kind: AreaKind; status: string };
const keyOf = (s: Shape) => `${s.kind}_${s.status}`;
const shapeFilter = (s: Shape): HouseholdFilter => ({ scope: areaScopeParam(s.kind), status: s.status });
const LIMIT = sql.placeholder('limit');
const OFFSET = sql.placeholder('offset');

const countStatement = preparedPerShape(
  (db: Db, s: Shape) => householdsCountQuery(db, shapeFilter(s)).prepare(`registry_households_count_${keyOf(s)}`),
  keyOf,
);
const partStatement = preparedPerShape(
  (db: Db, s: Shape & { inBuilding: boolean }) =>
    householdsPageQuery(db, shapeFilter(s), s.inBuilding)
      .limit(LIMIT)
      .offset(OFFSET)
      .prepare(`registry_households_page_${keyOf(s)}_${s.inBuilding ? 'built' : 'rest'}`),
  (s) => `${keyOf(s)}_${s.inBuilding}`,
);

/**
 * The plain list of one area's households (no filter but the status), the commonest page: named prepared statements
 * per level and status with the area id as a parameter, built once and planned without a query builder per request.
 */
function preparedQueries(db: Db, area: SoleArea, status: string): PageQueries {
  const shape = { kind: area.kind, status };
  return {
    counts: () => countStatement(db, shape).execute({ scopeId: area.id }),
    part: (inBuilding, limit, offset) => partStatement(db, { ...shape, inBuilding }).execute({ scopeId: area.id, limit, offset }),
  };
}

const isPlain = (f: HouseholdFilter) => !f.area && !f.tags?.length && !f.tenure && !f.address;

/**
 * One page of matching household ids in address order, and the total: those in a building first (a missing
 * building sorts last in the address order), then, on the page where they end, the ones without.
 */
export async function listHouseholdIds(db: Db, f: HouseholdFilter, p: Paging): Promise<IdPage> {
  const q = f.scope.area && isPlain(f) ? preparedQueries(db, f.scope.area, f.status) : builtQueries(db, f);
  const offset = (p.page - 1) * p.pageSize;
  const [page, [c]] = await Promise.all([q.part(true, p.pageSize, offset), q.counts()]);
  const total = c?.n ?? 0;
  const inBuildings = c?.inBuildings ?? 0;
  if (page.length === p.pageSize || inBuildings === total) return { ids: page.map((r) => r.id), total };
  const rest = await q.part(false, p.pageSize - page.length, Math.max(0, offset - inBuildings));
  return { ids: [...page, ...rest].map((r) => r.id), total };
}
