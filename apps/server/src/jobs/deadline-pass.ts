import { ESCALATION_LEVELS, OPEN_STATUSES, REMIND_AT_SHARE, STAGE_OF } from '@linli/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/pool.js';
import { sqlList } from '../db/sql-list.js';
import { ORDER_EVENTS_CHANNEL } from '../modules/orders/repo-events.js';
import { withJobLock } from './runner.js';

export const DEADLINE_JOB = 'deadline';
const BATCH = 2000;

const OPEN = sqlList(OPEN_STATUSES);
// the contracts' tables travel as bound parameters: the stage of each status, the names of the escalation levels
const STAGE = sql`(${JSON.stringify(STAGE_OF)}::jsonb ->> hit.status::text)`;
const LEVEL_NAMES = sql`(${sql.param([...ESCALATION_LEVELS])}::text[])`;

/**
 * The level `escalationFor` (contracts/order-deadlines.ts) gives at `now`, in SQL so that the pass is set-based; the
 * stage's own limit is its running window (due − started), as the demo seed counts it. A test pins the two together.
 */
function levelAt(now: Date): SQL {
  const late = sql`extract(epoch FROM (${now}::timestamptz - stage_due_at))`;
  const step = sql`greatest(3600, extract(epoch FROM (stage_due_at - coalesce(stage_started_at, stage_due_at))) / 2)`;
  return sql`(CASE WHEN ${late} >= 3 * ${step} THEN 3 WHEN ${late} >= ${step} THEN 2 ELSE 1 END)`;
}

/**
 * One statement: lock a batch of matching orders (skipping rows a move holds), update them, and append one timeline
 * entry per order (several for an escalation that crossed more than one rung). Returns how many events it wrote.
 */
type Pick = {
  where: SQL;
  set: SQL;
  event: SQL;
  /** extra columns the locking select computes and the update returns */ extra?: [SQL, SQL];
};

async function step(tx: Tx, pick: Pick): Promise<number> {
  const r = await tx.execute<{ id: number }>(sql`
    WITH due AS (
      SELECT id ${pick.extra?.[0] ?? sql``} FROM orders
      WHERE stage_due_at IS NOT NULL AND status IN ${OPEN} AND ${pick.where}
      ORDER BY stage_due_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED
    ), hit AS (
      UPDATE orders o SET ${pick.set} FROM due WHERE o.id = due.id
      RETURNING o.id, o.district_id, o.street_id, o.community_id, o.status, o.stage_due_at ${pick.extra?.[1] ?? sql``}
    )
    INSERT INTO order_events (order_id, district_id, street_id, community_id, at, kind, internal, details)
    ${pick.event}
    RETURNING id`);
  return r.rows.length;
}

async function drain(tx: Tx, pick: Pick): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await step(tx, pick);
    total += n;
    if (n < BATCH) return total;
  }
}

/**
 * One pass of the deadline job at `now`: reminds once before a stage's deadline, marks overdue orders (escalation
 * level 1, the grid) and escalates them further (community, street) as time goes by. Idempotent: a second pass at
 * the same `now` writes nothing. Runs under the job's advisory lock; returns null when another server holds it.
 */
export async function runDeadlinePass(db: Db, now: Date): Promise<{ reminded: number; overdue: number; escalated: number } | null> {
  return withJobLock(db, DEADLINE_JOB, async (tx) => {
    const at = sql`${now}::timestamptz`;
    const remindAt = sql`stage_started_at + (stage_due_at - stage_started_at) * ${REMIND_AT_SHARE}::float8`;
    const reminded = await drain(tx, {
      where: sql`reminded_at IS NULL AND overdue_since IS NULL AND stage_started_at IS NOT NULL AND stage_due_at >= ${at} AND ${remindAt} <= ${at}`,
      set: sql`reminded_at = ${at}`,
      event: sql`SELECT hit.id, hit.district_id, hit.street_id, hit.community_id, ${at}, 'reminder', true,
        jsonb_build_object('stage', ${STAGE}, 'dueAt', hit.stage_due_at) FROM hit`,
    });
    const overdue = await drain(tx, {
      where: sql`overdue_since IS NULL AND stage_due_at < ${at}`,
      set: sql`overdue_since = o.stage_due_at, escalation_level = 1`,
      event: sql`SELECT hit.id, hit.district_id, hit.street_id, hit.community_id, ${at}, 'overdue', false,
        jsonb_build_object('stage', ${STAGE}, 'dueAt', hit.stage_due_at, 'level', 'grid') FROM hit`,
    });
    const level = levelAt(now);
    const escalated = await drain(tx, {
      extra: [sql`, escalation_level AS old_level, ${level} AS new_level`, sql`, due.old_level, due.new_level`],
      where: sql`overdue_since IS NOT NULL AND escalation_level < 3 AND stage_due_at < ${at} AND ${level} > escalation_level`,
      set: sql`escalation_level = due.new_level`,
      event: sql`SELECT hit.id, hit.district_id, hit.street_id, hit.community_id, ${at}, 'escalate', false,
        jsonb_build_object('stage', ${STAGE}, 'dueAt', hit.stage_due_at, 'level', ${LEVEL_NAMES}[lvl + 1])
        FROM hit CROSS JOIN LATERAL generate_series(hit.old_level + 1, hit.new_level) AS lvl`,
    });
    if (reminded + overdue + escalated > 0) await tx.execute(sql`SELECT pg_notify(${ORDER_EVENTS_CHANNEL}, 'deadline')`);
    return { reminded, overdue, escalated };
  });
}
