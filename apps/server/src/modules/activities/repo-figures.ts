import { type SQL, and, eq, gte, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db } from '../../db/pool.js';
import { teamsVisible } from '../volunteers/repo.js';
import { activities, volunteerHours, volunteerTeams, volunteers } from '../../db/schema/index.js';

type Bucket = { key: string; activities: number; peopleServed: number; hours: number };
/** inlined, not a parameter: GROUP BY must repeat the select's expression exactly */
const TZ = sql.raw(`'Asia/Shanghai'`);

/** Activities held and people served, and verified hours, from `start` (included) to `end`, by kind, month and team. */
export async function activityFigures(db: Db, actor: Actor, period: { start: Date; end: Date }, communityId?: string) {
  const during = (col: AnyPgColumn) => and(gte(col, period.start), lt(col, period.end));
  const actWhere = and(
    scopeFilter(actor, 'volunteers.read', scopeColumnsOf(activities)),
    communityId ? eq(activities.communityId, communityId) : undefined,
    eq(activities.status, 'held'),
    during(activities.startsAt),
  );
  const hoursWhere = and(
    scopeFilter(actor, 'volunteers.read', scopeColumnsOf(volunteerHours)),
    communityId ? eq(volunteerHours.communityId, communityId) : undefined,
    eq(volunteerHours.status, 'verified'),
    during(volunteerHours.startsAt),
  );
  const month = (col: AnyPgColumn) => sql<string>`to_char(${col} AT TIME ZONE ${TZ}, 'YYYY-MM')`;
  const acts = (key: SQL<string>) =>
    db
      .select({ key, activities: sql<number>`count(*)::int`, peopleServed: sql<number>`coalesce(sum(${activities.peopleServed}), 0)::int` })
      .from(activities)
      .where(actWhere)
      .groupBy(key);
  const hrs = (key: SQL<string>) =>
    db
      .select({ key, hours: sql<number>`coalesce(sum(${volunteerHours.hours}), 0)::float8` })
      .from(volunteerHours)
      .leftJoin(activities, eq(activities.id, volunteerHours.activityId))
      .leftJoin(volunteers, eq(volunteers.id, volunteerHours.volunteerId))
      .where(hoursWhere)
      .groupBy(key);
  const teamKey = sql<string>`coalesce(${volunteers.teamId}::text, '')`;
  const [kindA, kindH, monthA, monthH, teamA, teamH, [vols], teams] = await Promise.all([
    acts(sql<string>`${activities.kind}`),
    hrs(sql<string>`coalesce(${activities.kind}, '')`),
    acts(month(activities.startsAt)),
    hrs(month(volunteerHours.startsAt)),
    acts(sql<string>`coalesce(${activities.teamId}::text, '')`),
    hrs(teamKey),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(volunteers)
      .where(
        and(
          scopeFilter(actor, 'volunteers.read', scopeColumnsOf(volunteers)),
          communityId ? eq(volunteers.communityId, communityId) : undefined,
          eq(volunteers.status, 'active'),
        ),
      ),
    db.select({ id: volunteerTeams.id, name: volunteerTeams.name }).from(volunteerTeams).where(teamsVisible(actor, communityId)),
  ]);
  return { kindA, kindH, monthA, monthH, teamA, teamH, volunteers: vols?.n ?? 0, teams };
}

/** Joins activity rows and hour rows on their key, in the order of `keys`. */
export function mergeBuckets(
  keys: readonly string[],
  acts: readonly { key: string; activities: number; peopleServed: number }[],
  hours: readonly { key: string; hours: number }[],
): Bucket[] {
  const a = new Map(acts.map((r) => [r.key, r]));
  const h = new Map(hours.map((r) => [r.key, r.hours]));
  return keys.map((key) => ({
    key,
    activities: a.get(key)?.activities ?? 0,
    peopleServed: a.get(key)?.peopleServed ?? 0,
    hours: Math.round((h.get(key) ?? 0) * 10) / 10,
  }));
}
