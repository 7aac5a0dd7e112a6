import type { AuditAction } from '@linli/contracts';
import { auditLog } from '../db/schema/index.js';
import type { Tx } from '../db/pool.js';
import type { Ctx } from './context.js';

export type AuditEntry = {
  action: AuditAction;
  entityType?: string;
  entityId?: string;
  outcome?: 'ok' | 'denied' | 'failed';
  streetId?: string | null;
  communityId?: string | null;
  /** never personal data: ids, field names, counts */
  details?: Record<string, unknown>;
  actorName?: string;
};

/** What an audit row needs of a context (the CLI's create-admin has no key, so not a whole Ctx). */
export type AuditCtx = Pick<Ctx, 'db' | 'actor' | 'ip' | 'requestId'> & { tx?: Tx };

export type AuditValues = typeof auditLog.$inferInsert;

/** The audit row `entry` makes in `ctx` (also for statements that insert it themselves, e.g. order placement's). */
export function auditValues(ctx: Pick<Ctx, 'actor' | 'ip' | 'requestId'>, entry: AuditEntry): AuditValues {
  return {
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
  };
}

/** Appends one audit row, in the context's transaction when it carries one; mutation verbs call it last. */
export async function writeAudit(ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  await (ctx.tx ?? ctx.db).insert(auditLog).values(auditValues(ctx, entry));
}
