import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/pool.js';
import { emailOutbox } from '../db/schema/index.js';
import type { Mailer } from '../modules/notifications/smtp.js';
import { claimDue, nextAttemptAfter } from './retry.js';

export const EMAIL_JOB = 'email';
const BATCH = 50;

/** Error text kept on the row: the server's answer, without anything of the message itself. */
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/**
 * One pass of the e-mail sender: sends the due rows of the outbox over SMTP, one at a time; a failure is retried
 * with backoff (1 min … 12 h) and given up as failed after the last attempt.
 */
export async function runEmailPass(
  db: Db,
  mailer: Mailer,
  now: Date = new Date(),
): Promise<{ sent: number; failed: number; retrying: number }> {
  const claimed = await claimDue<{ id: number; attempts: number }>(db, 'email_outbox', now, BATCH);
  const result = { sent: 0, failed: 0, retrying: 0 };
  if (claimed.length === 0) return result;
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(
      inArray(
        emailOutbox.id,
        claimed.map((c) => Number(c.id)),
      ),
    );
  for (const row of rows) {
    try {
      await mailer.transport.sendMail({ from: mailer.from, to: row.to, subject: row.subject, text: row.body });
      await db.update(emailOutbox).set({ status: 'sent', sentAt: new Date(), lastError: null }).where(eq(emailOutbox.id, row.id));
      result.sent++;
    } catch (e) {
      const next = nextAttemptAfter(row.attempts, now);
      await db
        .update(emailOutbox)
        .set(next ? { nextAttemptAt: next, lastError: reason(e) } : { status: 'failed', lastError: reason(e) })
        .where(eq(emailOutbox.id, row.id));
      if (next) result.retrying++;
      else result.failed++;
    }
  }
  return result;
}
