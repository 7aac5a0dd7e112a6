import { MEDIATION_REMIND_DAYS } from '@linli/contracts';
import { writeAudit } from '../core/audit.js';
import type { Db } from '../db/pool.js';
import { MEDIATION_MESSAGES as M } from '../modules/mediation/messages.js';
import { ESCALATION_ROLES } from '../modules/mediation/policy.js';
import { dueCases, mediatorsOf, notifyUsers, updateCase, usersOnArea } from '../modules/mediation/repo.js';
import { withJobLock } from './runner.js';

export const MEDIATION_JOB = 'mediation';
const BATCH = 500;

/**
 * One pass at `now`: a week before a case's one-month limit its mediators are reminded; past the limit the case is
 * escalated to the street's supervisors (and audited). Idempotent; null when another server holds the job's lock.
 */
export async function runMediationPass(db: Db, now: Date): Promise<{ reminded: number; escalated: number } | null> {
  return withJobLock(db, MEDIATION_JOB, async (tx) => {
    let reminded = 0;
    let escalated = 0;
    const remindBefore = new Date(now.getTime() + MEDIATION_REMIND_DAYS * 86_400_000);
    for (const c of await dueCases(tx, now, remindBefore, BATCH)) {
      const mediators = await mediatorsOf(tx, c.id);
      if (c.dueAt <= now && !c.escalatedAt) {
        await updateCase(tx, c.id, { escalatedAt: now, remindedAt: c.remindedAt ?? now });
        await notifyUsers(
          tx,
          [...new Set([...mediators, ...(await usersOnArea(tx, c.streetId, ESCALATION_ROLES))])],
          'mediation_escalated',
          M.escalated(c.caseNo),
        );
        await writeAudit(
          { db, tx, actor: null, ip: null, requestId: null },
          {
            action: 'mediation.escalate',
            entityType: 'mediation_case',
            entityId: c.id,
            streetId: c.streetId,
            communityId: c.communityId,
            details: { dueAt: c.dueAt.toISOString() },
          },
        );
        escalated++;
      } else if (!c.remindedAt) {
        await updateCase(tx, c.id, { remindedAt: now });
        await notifyUsers(tx, mediators, 'mediation_reminder', M.reminder(c.caseNo));
        reminded++;
      }
    }
    return { reminded, escalated };
  });
}
