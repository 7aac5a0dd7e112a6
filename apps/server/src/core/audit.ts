import { auditLog } from '../db/schema/index.js';
import type { Db, Tx } from '../db/pool.js';
import type { Ctx } from './context.js';

export type AuditEntry = {
  action: string;
  entityType?: string;
  entityId?: string;
  outcome?: 'ok' | 'denied' | 'failed';
  streetId?: string | null;
  communityId?: string | null;
  /** never personal data: ids, field names, counts */
  details?: Record<string, unknown>;
  actorName?: string;
};

/** Appends one audit row; mutation verbs call it last inside their transaction. */
export async function writeAudit(tx: Tx | Db, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: ctx.actor?.userId ?? null,
    actorName: entry.actorName ?? ctx.actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    outcome: entry.outcome ?? 'ok',
    ip: ctx.ip,
    requestId: ctx.requestId,
    streetId: entry.streetId ?? null,
    communityId: entry.communityId ?? null,
    details: entry.details ?? {},
  });
}
