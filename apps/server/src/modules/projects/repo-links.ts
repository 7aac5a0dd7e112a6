import type { KpiSource, ProjectLinkKind } from '@linli/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/pool.js';
import { activities, orders, programmeEnrolments, programmeSessions, programmes, projectLinks, services } from '../../db/schema/index.js';
import type { ProjectRow } from './repo.js';

type Conn = Db | Tx;
type Scope = Pick<ProjectRow, 'streetId' | 'communityId'>;

/** The linked rows with their names (and an activity's day), in one query. */
export async function linksOf(db: Conn, projectId: string) {
  const { rows } = await db.execute<{ kind: ProjectLinkKind; targetId: string; name: string; day: string | null }>(sql`
    SELECT l.kind, l.target_id AS "targetId",
      coalesce(a.title, s.name, p.name, '') AS name,
      to_char(a.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
    FROM ${projectLinks} l
    LEFT JOIN ${activities} a ON l.kind = 'activity' AND a.id = l.target_id
    LEFT JOIN ${services} s ON l.kind = 'service' AND s.id = l.target_id
    LEFT JOIN ${programmes} p ON l.kind = 'programme' AND p.id = l.target_id
    WHERE l.project_id = ${projectId}
    ORDER BY l.kind, day, name`);
  return rows;
}

/** Whether a row to link exists inside the project's area (services: in its street). */
export async function linkTargetExists(db: Conn, kind: ProjectLinkKind, id: string, scope: Scope): Promise<boolean> {
  const inScope = (t: { streetId: AnyPgColumn; communityId: AnyPgColumn }) =>
    scope.communityId ? eq(t.communityId, scope.communityId) : eq(t.streetId, scope.streetId);
  const rows =
    kind === 'activity'
      ? await db
          .select({ id: activities.id })
          .from(activities)
          .where(and(eq(activities.id, id), inScope(activities)))
      : kind === 'programme'
        ? await db
            .select({ id: programmes.id })
            .from(programmes)
            .where(and(eq(programmes.id, id), inScope(programmes)))
        : await db
            .select({ id: services.id })
            .from(services)
            .where(and(eq(services.id, id), eq(services.streetId, scope.streetId)));
  return rows.length > 0;
}

/** Removes one link; false when the project had no such link. */
export async function deleteLink(tx: Tx, projectId: string, kind: ProjectLinkKind, targetId: string): Promise<boolean> {
  const rows = await tx
    .delete(projectLinks)
    .where(and(eq(projectLinks.projectId, projectId), eq(projectLinks.kind, kind), eq(projectLinks.targetId, targetId)))
    .returning({ id: projectLinks.targetId });
  return rows.length > 0;
}

type CountRow = { projectId: string; activities: number; orders: number; sessions: number; beneficiaries: number };
export type LiveCounts = Record<Exclude<KpiSource, 'manual'>, number>;

/**
 * The automatic KPI values of each project, counted live inside its period (China time): linked activities held or
 * open (not cancelled), orders of linked services placed in the buyer's area, sessions of linked programmes, and the
 * distinct people enrolled in them at some point of the period.
 */
export async function liveCounts(db: Conn, projectIds: string[]): Promise<Map<string, LiveCounts>> {
  if (projectIds.length === 0) return new Map();
  const { rows } = await db.execute<CountRow>(sql`
    WITH p AS (
      SELECT id, street_id, community_id,
        (starts_on::timestamp AT TIME ZONE 'Asia/Shanghai') AS t0,
        ((ends_on + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS t1, starts_on, ends_on
      FROM service_projects WHERE id IN (${sql.join(
        projectIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    )
    SELECT p.id AS "projectId",
      (SELECT count(*)::int FROM ${projectLinks} l JOIN ${activities} a ON a.id = l.target_id
        WHERE l.project_id = p.id AND l.kind = 'activity' AND a.status <> 'cancelled'
          AND a.starts_at >= p.t0 AND a.starts_at < p.t1) AS activities,
      (SELECT count(*)::int FROM ${projectLinks} l JOIN ${orders} o ON o.service_id = l.target_id
        WHERE l.project_id = p.id AND l.kind = 'service' AND o.street_id = p.street_id
          AND (p.community_id IS NULL OR o.community_id = p.community_id)
          AND o.placed_at >= p.t0 AND o.placed_at < p.t1) AS orders,
      (SELECT count(*)::int FROM ${projectLinks} l JOIN ${programmeSessions} s ON s.programme_id = l.target_id
        WHERE l.project_id = p.id AND l.kind = 'programme' AND s.held_on BETWEEN p.starts_on AND p.ends_on) AS sessions,
      (SELECT count(DISTINCT e.resident_id)::int FROM ${projectLinks} l JOIN ${programmeEnrolments} e ON e.programme_id = l.target_id
        WHERE l.project_id = p.id AND l.kind = 'programme' AND e.enrolled_on <= p.ends_on
          AND (e.ended_on IS NULL OR e.ended_on >= p.starts_on)) AS beneficiaries
    FROM p`);
  return new Map(
    rows.map((r) => [
      r.projectId,
      { activities: r.activities, orders: r.orders, programme_sessions: r.sessions, programme_beneficiaries: r.beneficiaries },
    ]),
  );
}
