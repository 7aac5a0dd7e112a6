import { VISIT_TIME_ZONE } from '@linli/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { householdLastVisits, households, residents } from '../../db/schema/index.js';
import type { IntervalRules } from '../visits/intervals.js';
import { intervalSql } from '../visits/repo-overdue.js';

/** A condition on the rows of residents or households (their scope columns). */
export type RowFilter = (table: typeof residents | typeof households) => SQL;

/** (community, grid) pairs as two parallel arrays; a null grid is a pair of its own. */
export type Pairs = { communities: string[]; grids: (string | null)[] };

/**
 * Rows whose (community, grid) is one of `pairs`: found through the grid index (and the community index for rows
 * without a grid), then checked against the pairs themselves.
 */
export const inPairs =
  (pairs: Pairs): RowFilter =>
  (table) => {
    const [c, g] = [sql.param(pairs.communities), sql.param(pairs.grids)];
    const grids = sql.param(pairs.grids.filter((x) => x !== null));
    const gridless = sql.param([...new Set(pairs.communities.filter((_, i) => pairs.grids[i] === null))]);
    return sql`(${table.gridId} = ANY(${grids}::uuid[]) OR (${table.gridId} IS NULL AND ${table.communityId} = ANY(${gridless}::uuid[])))
      AND EXISTS (SELECT 1 FROM unnest(${c}::uuid[], ${g}::uuid[]) AS m(c, g)
        WHERE m.c = ${table.communityId} AND m.g IS NOT DISTINCT FROM ${table.gridId})`;
  };

/** Rows of the communities of `pairs` (members of a household are read by community, as the overdue list reads them). */
export const inCommunities =
  (pairs: Pairs): RowFilter =>
  (table) =>
    sql`${table.communityId} = ANY(${sql.param(pairs.communities)}::uuid[])`;

const keyOf = (table: typeof residents | typeof households) =>
  sql`${table.districtId} AS district_id, ${table.streetId} AS street_id, ${table.communityId} AS community_id, ${table.gridId} AS grid_id`;
const tagged = (table: typeof residents | typeof households) => sql`cardinality(${table.tags}) > 0`;

/** Live residents (with floating and care-tagged) and live households (with care-tagged) per cell key, from the registry. */
export function registryCellRows(where: RowFilter): SQL {
  const r = residents;
  const h = households;
  return sql`
    SELECT ${keyOf(r)}, count(*)::int AS residents, count(*) FILTER (WHERE ${r.residentType} = 'floating')::int AS floating,
      count(*) FILTER (WHERE ${tagged(r)})::int AS tagged_residents, 0 AS households, 0 AS tagged_households
    FROM ${r} WHERE ${r.status} = 'active' AND ${where(r)} GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT ${keyOf(h)}, 0, 0, 0, count(*)::int, count(*) FILTER (WHERE ${tagged(h)})::int
    FROM ${h} WHERE ${h.status} = 'active' AND ${where(h)} GROUP BY 1, 2, 3, 4`;
}

/** How often each care tag sits on live residents and households, per cell key, from the registry. */
export function tagCellRows(where: RowFilter): SQL {
  const pick = (table: typeof residents | typeof households) =>
    sql`SELECT ${keyOf(table)}, unnest(${table.tags}) AS tag FROM ${table} WHERE ${table.status} = 'active' AND ${tagged(table)} AND ${where(table)}`;
  return sql`
    SELECT x.district_id, x.street_id, x.community_id, x.grid_id, x.tag, count(*)::int AS n
    FROM (${pick(residents)} UNION ALL ${pick(households)}) x
    GROUP BY 1, 2, 3, 4, 5`;
}

/**
 * Live households under care per cell key and due day, by the visits module's rule (visits/repo-overdue.ts): a
 * household's tags are its own and its active members' (members read where `members` holds), the shortest interval
 * asked applies from its last visit, and a household never visited is due from its registration day.
 */
export function dueCellRows(where: RowFilter, members: RowFilter, rules: IntervalRules): SQL {
  const h = households;
  const r = residents;
  const days = intervalSql(rules, sql`hh.community_id`, sql`x.tag`);
  return sql`
    WITH hh AS (
      SELECT ${h.id} AS id, ${keyOf(h)}, ${h.tags} AS tags, (${h.createdAt} AT TIME ZONE ${VISIT_TIME_ZONE})::date AS since
      FROM ${h} WHERE ${h.status} = 'active' AND ${where(h)}),
    x AS (
      SELECT hh.id, unnest(hh.tags) AS tag FROM hh
      UNION ALL
      SELECT ${r.householdId}, unnest(${r.tags}) FROM ${r}
      WHERE ${r.status} = 'active' AND ${tagged(r)} AND ${members(r)} AND ${r.householdId} IN (SELECT id FROM hh)),
    every AS (
      SELECT x.id, min(p.days) AS days FROM x JOIN hh ON hh.id = x.id CROSS JOIN LATERAL (SELECT ${days} AS days) p
      WHERE p.days > 0 GROUP BY x.id)
    SELECT hh.district_id, hh.street_id, hh.community_id, hh.grid_id,
      CASE WHEN lv.last_visited_on IS NULL THEN hh.since ELSE lv.last_visited_on + e.days END AS due_on, count(*)::int AS households
    FROM every e JOIN hh ON hh.id = e.id LEFT JOIN ${householdLastVisits} lv ON lv.household_id = e.id
    GROUP BY 1, 2, 3, 4, 5`;
}
