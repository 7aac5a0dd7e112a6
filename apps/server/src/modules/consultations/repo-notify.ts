import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/pool.js';
import { notifications } from '../../db/schema/index.js';
import { NOTIFICATIONS_CHANNEL } from '../notifications/channel.js';
import { REPRESENTATIVE_TAG } from './eligibility.js';
import type { ConsultationRow } from './repo.js';

/** The active portal accounts of the residents concerned: households where the topic is put, or the representatives. */
export async function concernedAccounts(tx: Tx, c: ConsultationRow): Promise<{ userId: string; locale: string }[]> {
  const where =
    c.eligibility === 'representatives'
      ? sql`r.community_id = ${c.communityId} AND ${REPRESENTATIVE_TAG} = ANY(r.tags)`
      : c.eligibility === 'building_households'
        ? sql`h.building_id = ${c.areaId}`
        : sql`(h.compound_id = ${c.areaId} OR h.building_id = ${c.areaId})`;
  const { rows } = await tx.execute<{ user_id: string; locale: string }>(sql`
    SELECT DISTINCT u.id AS user_id, u.locale
    FROM users u JOIN residents r ON r.id = u.resident_id JOIN households h ON h.id = r.household_id
    WHERE u.active AND r.status = 'active' AND h.status = 'active' AND ${where}`);
  return rows.map((r) => ({ userId: r.user_id, locale: r.locale }));
}

/** Writes the notifications in the publishing transaction and wakes the recipients' live streams once it commits. */
export async function notifyAccounts(tx: Tx, rows: { userId: string; kind: string; title: string; body: string }[]): Promise<void> {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(notifications).values(rows.slice(i, i + 1000));
  const users = rows.map((r) => r.userId);
  await tx.execute(sql`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, u::text) FROM unnest(${sql.param(users)}::uuid[]) AS u`);
}
