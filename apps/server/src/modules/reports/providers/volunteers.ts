import { ACTIVITY_KIND_LABELS, ActivityKind, type ReportSlice, type ReportValues } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { activities, volunteerHours, volunteers } from '../../../db/schema/index.js';
import { childOf, hasLevel, inArea } from './columns.js';
import { type ProviderResult, type ReportProvider, type ReportTarget, addValue } from './types.js';

type Row = { k: 'a' | 'h' | 'v'; g: string | null; m: string | null; kind: ActivityKind | null; n: number; p: number };

const TZ = sql.raw(`'Asia/Shanghai'`);
const month = (col: AnyPgColumn) => sql`to_char(${col} AT TIME ZONE ${TZ}, 'YYYY-MM')`;

/** Held activities by kind and the people their volunteer-service ones served, verified hours, active volunteers. */
function volunteersSql(t: ReportTarget) {
  const during = (col: AnyPgColumn) => sql`${col} >= ${t.start.toISOString()} AND ${col} < ${t.end.toISOString()}`;
  return sql`
    SELECT 'a' AS k, ${childOf(activities, t)} AS g, ${month(activities.startsAt)} AS m, ${activities.kind} AS kind,
      count(*)::int AS n, coalesce(sum(${activities.peopleServed}), 0)::float8 AS p
    FROM ${activities} WHERE ${inArea(activities, t)} AND ${activities.status} = 'held' AND ${during(activities.startsAt)}
    GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'h', ${childOf(volunteerHours, t)}, ${month(volunteerHours.startsAt)}, null, 0, coalesce(sum(${volunteerHours.hours}), 0)::float8
    FROM ${volunteerHours} WHERE ${inArea(volunteerHours, t)} AND ${volunteerHours.status} = 'verified' AND ${during(volunteerHours.startsAt)}
    GROUP BY 2, 3
    UNION ALL
    SELECT 'v', ${childOf(volunteers, t)}, null, null, count(*)::int, 0
    FROM ${volunteers} WHERE ${inArea(volunteers, t)} AND ${volunteers.status} = 'active' GROUP BY 2`;
}

/** The report's slice keys: the seeds' "public-service" activities are the volunteer-service kind. */
const SLICE_KEY: Record<ActivityKind, string> = {
  volunteer_service: 'publicService',
  cultural: 'cultural',
  educational: 'educational',
  party_day: 'partyDay',
  micro_lecture: 'microLecture',
};

/**
 * 志愿服务与活动: activities held in the period (by kind, with `publicService` and `cultural`), the people the
 * public-service ones served (the seeds' "193 activities serving 1,330 people"), verified volunteer hours and active
 * volunteers. Its tables stop at the community: a grid's report leaves these figures out.
 */
export const volunteersProvider: ReportProvider = {
  module: 'volunteers',
  keys: ['volunteers', 'volunteerHours', 'activities', 'peopleServed'],
  async collect(db, t): Promise<ProviderResult> {
    const children = new Map<string, ReportValues>();
    const months = new Map<string, ReportValues>();
    if (!hasLevel(activities, t.level)) return { figures: {}, children, months };
    const { rows } = await db.execute<Row>(volunteersSql(t));
    const byKind = new Map<ActivityKind, number>();
    const sum = { volunteers: 0, volunteerHours: 0, activities: 0, peopleServed: 0 };
    const add = (r: Row, key: keyof typeof sum, n: number) => {
      sum[key] += n;
      addValue(children, r.g, key, n);
      if (key !== 'volunteers') addValue(months, r.m, key, n);
    };
    for (const r of rows) {
      if (r.k === 'v') add(r, 'volunteers', r.n);
      else if (r.k === 'h') add(r, 'volunteerHours', r.p);
      else if (r.kind) {
        add(r, 'activities', r.n);
        byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + r.n);
        if (r.kind === 'volunteer_service') add(r, 'peopleServed', r.p);
      }
    }
    const by: ReportSlice[] = ActivityKind.options.map((k) => ({
      key: SLICE_KEY[k],
      name: ACTIVITY_KIND_LABELS[k][t.locale],
      value: byKind.get(k) ?? 0,
    }));
    const round1 = (n: number) => Math.round(n * 10) / 10;
    for (const values of [...children.values(), ...months.values()])
      if (values.volunteerHours !== undefined) values.volunteerHours = round1(values.volunteerHours);
    const figures = {
      volunteers: { value: sum.volunteers },
      volunteerHours: { value: round1(sum.volunteerHours) },
      activities: { value: sum.activities, by },
      peopleServed: { value: sum.peopleServed },
    };
    return { figures, children, months };
  },
};
