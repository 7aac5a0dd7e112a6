import type { AuditListQuery } from '@linli/contracts';
import { type SQL, and, count, desc, eq, gte, inArray, like, lte, or } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import { escapeLike } from '../../db/like.js';
import type { Db } from '../../db/pool.js';
import { auditLog, users } from '../../db/schema/index.js';
import { usersInScope } from '../users/repo-assignments.js';
import { readsWholeAudit } from './policy.js';

export type AuditRow = typeof auditLog.$inferSelect;

/**
 * Rows of the actor's street/community, plus rows whose actor is a user inside that scope; failed
 * sign-ins carry no actor id, so they are matched by the username that was typed.
 */
function auditScope(db: Db, actor: Actor): SQL | undefined {
  if (readsWholeAudit(actor)) return undefined;
  const scopedUsers = usersInScope(db, actor, 'audit.read');
  const scopedNames = db.select({ username: users.username }).from(users).where(inArray(users.id, scopedUsers));
  return or(
    scopeFilter(actor, 'audit.read', scopeColumnsOf(auditLog)),
    inArray(auditLog.actorId, scopedUsers),
    inArray(auditLog.actorName, scopedNames),
  );
}

/** A page of audit rows in the actor's scope, newest first; `action` is a prefix, `from`/`to` inclusive. */
export async function selectAuditPage(db: Db, actor: Actor, q: AuditListQuery) {
  const where = and(
    auditScope(db, actor),
    q.action ? like(auditLog.action, `${escapeLike(q.action)}%`) : undefined,
    q.actor ? eq(auditLog.actorName, q.actor.toLowerCase()) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
