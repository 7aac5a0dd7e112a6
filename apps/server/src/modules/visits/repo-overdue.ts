import { type AreaKind, type OverdueByGrid, type Role, VISIT_TIME_ZONE, type VisitorRef } from '@linli/contracts';
import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Tx } from '../../db/pool.js';
import { sqlList } from '../../db/sql-list.js';
import { areaNodes, householdLastVisits, households, residents, roleAssignments, users } from '../../db/schema/index.js';
import { HOUSEHOLD_LEVEL } from '../registry/levels.js';
import type { IntervalRules } from './intervals.js';

const caseOf = (tag: SQL, m: Record<string, number | null>) =>
  sql`case ${tag} ${sql.join(
    Object.entries(m).map(([code, days]) => sql`when ${code} then ${days}::int`),
    sql` `,
  )} end`;

/** The interval rules as one SQL expression: the interval of `tag` in `community` (a uuid), null when it asks for none. */
export function intervalSql(rules: IntervalRules, community: SQL, tag: SQL): SQL {
  const overrides = Object.entries(rules.c).map(
    ([id, m]) => sql`when ${community} = ${id}::uuid and ${tag} = any(${sql.param(Object.keys(m))}::text[]) then ${caseOf(tag, m)}`,
  );
  if (overrides.length === 0) return caseOf(tag, rules.d);
  return sql`case ${sql.join(overrides, sql` `)} else ${caseOf(tag, rules.d)} end`;
}

export type OverdueRow = {
  householdId: string;
  everyDays: number;
  lastVisitOn: string | null;
  dueOn: string;
  daysOverdue: number;
  reasonTags: string[];
  gridWorkers: VisitorRef[];
};

export type OverduePage = { total: number; items: OverdueRow[]; byGrid: OverdueByGrid[] };

/** The actor's registry.read scope (and the chosen area) on households, and the same scope as a pre-filter on residents. */
export function overdueScope(actor: Actor, area?: { id: string; kind: AreaKind }): Pick<OverdueFilter, 'households' | 'residents'> {
  return {
    households: and(
      scopeFilter(actor, 'registry.read', scopeColumnsOf(households)),
      area ? eq(HOUSEHOLD_LEVEL[area.kind], area.id) : undefined,
    )!,
    // residents have no compound column: a compound assignment falls back to its community here
    residents: scopeFilter(actor, 'registry.read', scopeColumnsOf(residents)),
  };
}

export type OverdueFilter = {
  /** conditions on "households" columns: the actor's scope and the chosen area */
  households: SQL;
  /** a coarser pre-filter on "residents" columns (the same scope), so member tags are read only where needed */
  residents: SQL;
  rules: IntervalRules;
  today: string;
  /** 0 (the default): overdue only; n: also due before today + n */
  dueWithinDays?: number;
  limit: number;
  offset: number;
  /** whose names the list shows as the household's contacts (the grid's workers) */
  contactRoles: readonly Role[];
};

/** The unnest estimates of `overduePage` push its cost past jit_above_cost; compiling then takes longer than the query. */
export async function disableJit(tx: Tx): Promise<void> {
  await tx.execute(sql`set local jit = off`);
}

/**
 * One set-based query over the tagged households and residents in the filter (read through their scope
 * indexes). A household's tags are its own plus its active members'; the shortest interval applies from its
 * last visit (household_last_visits, by primary key); never visited, it is due from its registration date.
 * Never visited first, then the most overdue, the most demanding interval first among equals. Answers the
 * page, the total and the count per grid. Runs in the caller's transaction, after `disableJit`.
 */
export async function overduePage(tx: Tx, f: OverdueFilter): Promise<OverduePage> {
  const today = sql`${f.today}::date`;
  const days = intervalSql(f.rules, sql`${households.communityId}`, sql`t.tag`);
  const { rows } = await tx.execute<{ total: number; items: OverdueRow[]; by_grid: OverdueByGrid[] }>(sql`
    with req as (
      select ${households.id} as id, ${households.gridId} as grid_id,
        (${households.createdAt} at time zone ${VISIT_TIME_ZONE})::date as since,
        min(p.days) as every_days, array_agg(t.tag) as tags, array_agg(p.days) as tag_days
      from (
        select ${residents.householdId} as household_id, t.tag
        from ${residents} cross join unnest(${residents.tags}) as t(tag)
        where ${residents.status} = 'active' and cardinality(${residents.tags}) > 0 and ${f.residents}
        union all
        select ${households.id}, t.tag
        from ${households} cross join unnest(${households.tags}) as t(tag)
        where ${households.status} = 'active' and cardinality(${households.tags}) > 0 and ${f.households}
      ) t
      join ${households} on ${households.id} = t.household_id
      cross join lateral (select ${days} as days) p
      where ${households.status} = 'active' and ${f.households} and p.days > 0
      group by ${households.id}
    ),
    base as (
      select r.*, lv.last_visited_on as last_on, coalesce(lv.last_visited_on, r.since) as base_on
      from req r left join ${householdLastVisits} lv on lv.household_id = r.id
    ),
    od as (
      -- never visited: due from the day it came under care, not one interval later
      select b.*, b.base_on + case when b.last_on is null then 0 else b.every_days end as due_on
      from base b
      where b.base_on + case when b.last_on is null then 0 else b.every_days end < ${today} + ${f.dueWithinDays ?? 0}::int
    ),
    page as (
      select od.*, greatest(0, ${today} - od.due_on) as days_overdue,
        array(select x.tag from unnest(od.tags, od.tag_days) as x(tag, days)
          where od.base_on + case when od.last_on is null then 0 else x.days end < ${today}
          group by x.tag, x.days order by x.days, x.tag) as reason_tags,
        coalesce((select json_agg(json_build_object('id', u.id, 'name', u.display_name) order by u.display_name, u.id)
          from ${roleAssignments} ra join ${users} u on u.id = ra.user_id
          where ra.role in ${sqlList(f.contactRoles)} and ra.area_id = od.grid_id and u.active), '[]'::json) as grid_workers
      from od order by (od.last_on is null) desc, od.due_on, od.every_days, od.id limit ${f.limit} offset ${f.offset}
    ),
    by_grid as (
      select od.grid_id, a.name, count(*)::int as n
      from od left join ${areaNodes} a on a.id = od.grid_id group by od.grid_id, a.name
    )
    select
      (select count(*) from od)::int as total,
      coalesce((select json_agg(json_build_object('householdId', p.id, 'everyDays', p.every_days, 'lastVisitOn', p.last_on,
        'dueOn', p.due_on, 'daysOverdue', p.days_overdue, 'reasonTags', p.reason_tags, 'gridWorkers', p.grid_workers)
        order by (p.last_on is null) desc, p.days_overdue desc, p.every_days, p.id) from page p), '[]'::json) as items,
      coalesce((select json_agg(json_build_object('gridId', g.grid_id, 'gridName', g.name, 'count', g.n)
        order by g.n desc, g.name) from by_grid g), '[]'::json) as by_grid`);
  const row = rows[0]!;
  return { total: row.total, items: row.items, byGrid: row.by_grid };
}
