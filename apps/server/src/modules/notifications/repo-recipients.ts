import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/pool.js';
import { sqlList } from '../../db/sql-list.js';
import { AUDIENCE, type Audience, DESK_KINDS, DESK_ROLES, HANDLER_KINDS, HANDLER_ROLES, LADDER_ROLES, RESIDENT_KINDS } from './policy.js';

export type RecipientRow = {
  eventId: number;
  userId: string;
  audience: Audience;
  locale: string;
  email: string | null;
  kind: string;
  text: string;
  internal: boolean;
  details: Record<string, unknown>;
  orderId: string;
  orderNo: string;
  serviceName: string;
  stageDueAt: Date | null;
};

/**
 * Everyone to notify of the events `ids`, one row per (event, user), never the event's actor nor an inactive user;
 * the order's named handler and the user an entry is addressed to (`details.toUserId`) are told as handlers.
 * A user reached in several ways is told once, as the resident if they are one (their link goes to the portal).
 */
export async function recipientsOf(tx: Tx, ids: number[]): Promise<RecipientRow[]> {
  if (ids.length === 0) return [];
  const r = await tx.execute<Record<string, unknown>>(sql`
    WITH ev AS (
      SELECT e.id, e.kind, e.actor_id, e.internal, e.details, e.text, o.id AS order_id, o.order_no, o.resident_id,
             o.placed_by, o.handler_org_id, o.handler_user_id, o.grid_id, o.community_id, o.street_id, o.district_id, o.stage_due_at,
             s.name AS service_name
      FROM order_events e JOIN orders o ON o.id = e.order_id JOIN services s ON s.id = o.service_id
      WHERE e.id = ANY(${sql.param(ids)}::bigint[])
    ), cand AS (
      SELECT ev.id AS event_id, u.id AS user_id, ${AUDIENCE.resident}::text AS audience
        FROM ev JOIN users u ON u.resident_id = ev.resident_id OR u.id = ev.placed_by
        WHERE ev.kind IN ${sqlList(RESIDENT_KINDS)} AND NOT ev.internal
      UNION ALL
      SELECT ev.id, ra.user_id, ${AUDIENCE.handler}::text
        FROM ev JOIN role_assignments ra ON ra.role IN ${sqlList(HANDLER_ROLES)}
          AND ra.org_id = coalesce(CASE WHEN ev.details->>'handlerOrgId' ~* '^[0-9a-f-]{36}$'
                                        THEN (ev.details->>'handlerOrgId')::uuid END, ev.handler_org_id)
        WHERE ev.kind IN ${sqlList(HANDLER_KINDS)}
          AND (ev.kind NOT IN ('reminder', 'overdue') OR ev.details->>'stage' IN ('accept', 'handle'))
      UNION ALL
      -- the one person the order is handed to hears what its organisation hears, whatever their role (a team volunteer)
      SELECT ev.id, ev.handler_user_id, ${AUDIENCE.handler}::text
        FROM ev
        WHERE ev.handler_user_id IS NOT NULL AND ev.kind IN ${sqlList(HANDLER_KINDS)}
          AND (ev.kind NOT IN ('reminder', 'overdue') OR ev.details->>'stage' IN ('accept', 'handle'))
      UNION ALL
      -- an entry addressed to one person (a hand-over, a hand-back to the team leader)
      SELECT ev.id, CASE WHEN ev.details->>'toUserId' ~* '^[0-9a-f-]{36}$' THEN (ev.details->>'toUserId')::uuid END,
             ${AUDIENCE.handler}::text
        FROM ev WHERE ev.details ? 'toUserId'
      UNION ALL
      SELECT ev.id, ra.user_id, ${AUDIENCE.desk}::text
        FROM ev JOIN role_assignments ra ON ra.role IN ${sqlList(DESK_ROLES)}
          AND ra.area_id IN (ev.community_id, ev.street_id, ev.district_id)
        WHERE ev.kind IN ${sqlList(DESK_KINDS)} OR (ev.kind = 'reminder' AND ev.details->>'stage' = 'dispatch')
      UNION ALL
      SELECT ev.id, ra.user_id, ${AUDIENCE.ladder}::text
        FROM ev JOIN role_assignments ra
          ON (ev.details->>'level' = 'grid' AND ra.role = ${LADDER_ROLES.grid} AND ra.area_id = ev.grid_id)
          OR (ev.details->>'level' = 'community' AND ra.role = ${LADDER_ROLES.community} AND ra.area_id = ev.community_id)
          OR (ev.details->>'level' = 'street' AND ra.role = ${LADDER_ROLES.street} AND ra.area_id = ev.street_id)
        WHERE ev.kind IN ('overdue', 'escalate')
    )
    SELECT DISTINCT ON (c.event_id, c.user_id)
      c.event_id AS "eventId", c.user_id AS "userId", c.audience, u.locale, u.email, ev.kind, ev.text, ev.internal,
      ev.details, ev.order_id AS "orderId", ev.order_no AS "orderNo", ev.service_name AS "serviceName",
      ev.stage_due_at AS "stageDueAt"
    FROM cand c JOIN users u ON u.id = c.user_id AND u.active JOIN ev ON ev.id = c.event_id
    WHERE c.user_id IS DISTINCT FROM ev.actor_id
    ORDER BY c.event_id, c.user_id, (c.audience = ${AUDIENCE.resident}) DESC`);
  return r.rows.map((row) => ({
    ...(row as unknown as RecipientRow),
    eventId: Number(row.eventId),
    stageDueAt: row.stageDueAt ? new Date(row.stageDueAt as string) : null,
  }));
}
