import { type SQL, and, asc, eq, gt, ilike, isNull, like, lte, or, sql } from 'drizzle-orm';
import { type AnyPgColumn, type PgSelect, alias } from 'drizzle-orm/pg-core';
import type { Ability, AreaKind } from '@linli/contracts';
import { type Actor, levelKey } from '../../core/actor.js';
import { type ScopeColumns, scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import { escapeLike } from '../../db/like.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, flats, households, residents } from '../../db/schema/index.js';
import type { AddressQuery } from './address-query.js';
import { HOUSEHOLD_LEVEL } from './levels.js';
import { nameKeyPrefixes, nameQueryPieces } from './name-keys.js';
import { type SoleArea, soleArea } from './sole-area.js';

/** The household's building, as every search and list query joins it (its code is the first sort key). */
export const building = alias(areaNodes, 'sb');

/** What q turned out to be: a full ID number (by keyed hash), a 4-character tail, pinyin initials or a name. */
export type NameQuery =
  { kind: 'idHash'; hash: string } | { kind: 'tail'; tail: string } | { kind: 'initials'; text: string } | { kind: 'name'; text: string };

export type Paging = { page: number; pageSize: number };
type Area = { id: string; kind: AreaKind };

/** `column @> {tag}`, the tag bound as a one-element text[] (GIN-indexable). */
const hasTag = (column: AnyPgColumn, tag: string) => sql`${column} @> ${sql.param([tag])}::text[]`;

const contains = (s: string) => `%${escapeLike(s)}%`;

// Below three characters a trigram index matches every row (a full index scan), so short names
// are compared exactly (Chinese has no case: strpos, no lower()), found through the name keys below.
const nameContains = (text: string) =>
  [...text].length >= 3 ? ilike(residents.name, contains(text)) : sql`strpos(${residents.name}, ${text}) > 0`;

const NAME_KEYS = sql`resident_name_keys(${residents.communityId}, ${residents.streetId}, ${residents.name})`;

/**
 * Names holding every piece of `text` under one of the scope's key prefixes (GIN residents_name_keys_idx): rows
 * of the actor's own community or street only, so the search does not grow with the district. The exact match and
 * the scope filter stay beside it.
 */
function nameKeysMatch(prefixes: string[] | null | undefined, text: string): SQL | undefined {
  if (!prefixes || prefixes.length === 0) return undefined;
  const pieces = nameQueryPieces(text);
  return or(
    ...prefixes.map(
      (p) =>
        sql`${NAME_KEYS} @> ARRAY[${sql.join(
          pieces.map((g) => sql`${p} || lower(${g})`),
          sql`, `,
        )}]::text[]`,
    ),
  );
}

function nameCondition(q: NameQuery, scope: SearchScope, keys: boolean): SQL | undefined {
  switch (q.kind) {
    case 'idHash':
      return eq(residents.idNumberHash, q.hash);
    case 'tail':
      return or(eq(residents.phoneTail, q.tail), eq(residents.idTail, q.tail.toUpperCase()));
    case 'initials': {
      const initials = like(residents.nameInitials, `${escapeLike(q.text.toLowerCase())}%`);
      return q.text.length >= 3 ? or(initials, ilike(residents.name, contains(q.text))) : initials;
    }
    case 'name':
      return and(nameContains(q.text), keys ? nameKeysMatch(scope.nameKeyPrefixes, q.text) : undefined);
  }
}

const compoundsNamed = (text: string) =>
  sql`${households.compoundId} in (select ${areaNodes.id} from ${areaNodes} where ${areaNodes.kind} = 'compound' and ${areaNodes.name} ilike ${contains(text)})`;

/** Households at the address: building number (first digits of its name), unit, flat, compound or community name. */
function addressCondition(a: AddressQuery): SQL | undefined {
  if (a.kind === 'text') return or(ilike(building.name, contains(a.text)), compoundsNamed(a.text));
  const conds: (SQL | undefined)[] = [sql`ltrim(substring(${building.name} from '[0-9]+'), '0') = ${a.building.replace(/^0+/, '')}`];
  if (a.unit !== null) conds.push(eq(flats.unitNo, a.unit));
  if (a.flat !== null) conds.push(sql`upper(${flats.flatNo}) = ${a.flat.toUpperCase()}`);
  if (a.prefix)
    conds.push(
      or(
        compoundsNamed(a.prefix),
        sql`${households.communityId} in (select ${areaNodes.id} from ${areaNodes} where ${areaNodes.kind} = 'community' and ${areaNodes.name} ilike ${contains(a.prefix)})`,
      ),
    );
  return and(...conds);
}

const RESIDENT_LEVEL: Record<AreaKind, AnyPgColumn> = {
  ...HOUSEHOLD_LEVEL,
  district: residents.districtId,
  street: residents.streetId,
  community: residents.communityId,
  grid: residents.gridId,
  building: residents.buildingId,
};

const RESIDENT_COLUMNS = { ...scopeColumnsOf(residents), compoundId: households.compoundId };
const HOUSEHOLD_COLUMNS = scopeColumnsOf(households);
const FLAT_COLUMNS = scopeColumnsOf(flats);
const BUILDING_COLUMNS = scopeColumnsOf(building);

/**
 * The actor's scope on every table a search reads. Flats and buildings always share their household's
 * scope, so the extra conditions change no result; they let each table be read by its scope index.
 */
export type SearchScope = {
  residents: SQL;
  households: SQL;
  flats: SQL;
  buildings: SQL;
  nameKeyPrefixes?: string[] | null;
  /** the one area the scope is, when it is one (then `areaScopeParam` states the same scope with the id as a parameter) */
  area?: SoleArea | null;
};
export function searchScope(actor: Actor, ability: Ability = 'registry.read'): SearchScope {
  return {
    residents: scopeFilter(actor, ability, RESIDENT_COLUMNS),
    households: scopeFilter(actor, ability, HOUSEHOLD_COLUMNS),
    flats: scopeFilter(actor, ability, FLAT_COLUMNS),
    buildings: scopeFilter(actor, ability, BUILDING_COLUMNS),
    nameKeyPrefixes: nameKeyPrefixes(actor, ability),
    area: soleArea(actor, ability),
  };
}

const levelOf = (cols: ScopeColumns, kind: AreaKind) => cols[levelKey(kind)];
const SCOPE_ID = sql.placeholder('scopeId');

/**
 * The scope of one area of `kind` with its id as the statement parameter `scopeId`, for statements prepared once per
 * level. Flats lack the compound level: joined by their key, they need no scope condition of their own.
 */
export function areaScopeParam(kind: AreaKind): SearchScope {
  const on = (col: AnyPgColumn | undefined) => (col ? eq(col, SCOPE_ID) : sql`true`);
  return {
    residents: on(levelOf(RESIDENT_COLUMNS, kind)),
    households: on(levelOf(HOUSEHOLD_COLUMNS, kind)),
    flats: on(levelOf(FLAT_COLUMNS, kind)),
    buildings: on(levelOf(BUILDING_COLUMNS, kind)),
  };
}

export type ResidentFilter = {
  scope: SearchScope;
  q?: NameQuery;
  address?: AddressQuery;
  tags?: string[];
  residentType?: string;
  status: string;
  area?: Area;
  /** born on or before */
  bornBy?: string;
  /** born after */
  bornAfter?: string;
  political?: string;
};

/**
 * Every condition of the search. `keys` false leaves out the name keys (they imply nothing the exact match does not),
 * so a walk in address order is not turned into collecting every match through the keys' index.
 */
export function residentConditions(f: ResidentFilter, keys = true): SQL | undefined {
  return and(
    f.scope.residents,
    f.scope.households,
    eq(residents.status, f.status as 'active'),
    f.q && nameCondition(f.q, f.scope, keys),
    f.address && addressCondition(f.address),
    ...(f.tags ?? []).map((t) => or(hasTag(residents.tags, t), hasTag(households.tags, t))),
    f.residentType ? eq(residents.residentType, f.residentType as 'registered') : undefined,
    f.area ? eq(RESIDENT_LEVEL[f.area.kind], f.area.id) : undefined,
    f.bornBy ? lte(residents.birthDate, f.bornBy) : undefined,
    f.bornAfter ? gt(residents.birthDate, f.bornAfter) : undefined,
    f.political ? eq(residents.political, f.political) : undefined,
  );
}

export const ADDRESS_ORDER = [asc(building.code), asc(flats.unitNo), asc(flats.floorNo), asc(flats.position), asc(households.id)];
export const flatJoin = (scope: SearchScope) => and(eq(flats.id, households.flatId), scope.flats);
export const buildingJoin = (scope: SearchScope) => and(eq(building.id, households.buildingId), scope.buildings);

/** Every matching resident id in address order (building, unit, floor, flat, relation): a page of it, or an export's cursor. */
export function residentIdsQuery(db: Db | Tx, f: ResidentFilter) {
  return db
    .select({ id: residents.id })
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .leftJoin(flats, flatJoin(f.scope))
    .leftJoin(building, buildingJoin(f.scope))
    .where(residentConditions(f))
    .orderBy(...ADDRESS_ORDER, asc(residents.relation), asc(residents.id))
    .$dynamic();
}

export type IdPage = { ids: string[]; total: number };

/**
 * Narrows an address-ordered query to its rows in a building of the scope or (`inBuilding` false) to the rest. The
 * first is an inner join, so the planner can read the scope's buildings in code order and stop once the page is full
 * (an incremental sort per building) instead of sorting every match of a street for each page.
 */
export function byBuilding<Q extends PgSelect>(q: Q, scope: SearchScope, where: SQL | undefined, inBuilding: boolean): Q {
  if (inBuilding) q.innerJoin(building, buildingJoin(scope)).where(where);
  else q.leftJoin(building, buildingJoin(scope)).where(and(where, isNull(building.id)));
  return q;
}

export type HouseholdFilter = {
  scope: SearchScope;
  area?: Area;
  tags?: string[];
  tenure?: string;
  status: string;
  address?: AddressQuery;
};

// the household carries the tag, or one of its active members does
const householdHasTag = (scope: SearchScope, tag: string) =>
  or(
    hasTag(households.tags, tag),
    sql`${households.id} in (select ${residents.householdId} from ${residents}
      where ${hasTag(residents.tags, tag)} and ${residents.status} = 'active' and ${scope.residents})`,
  );

export function householdConditions(f: HouseholdFilter): SQL | undefined {
  return and(
    f.scope.households,
    eq(households.status, f.status),
    f.area ? eq(HOUSEHOLD_LEVEL[f.area.kind], f.area.id) : undefined,
    ...(f.tags ?? []).map((t) => householdHasTag(f.scope, t)),
    f.tenure ? eq(households.tenure, f.tenure) : undefined,
    f.address && addressCondition(f.address),
  );
}

/** Every matching household id in address order. */
export function householdIdsQuery(db: Db | Tx, f: HouseholdFilter) {
  return db
    .select({ id: households.id })
    .from(households)
    .leftJoin(flats, flatJoin(f.scope))
    .leftJoin(building, buildingJoin(f.scope))
    .where(householdConditions(f))
    .orderBy(...ADDRESS_ORDER)
    .$dynamic();
}
