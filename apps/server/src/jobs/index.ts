import type { Config } from '../config.js';
import type { Pii } from '../core/pii.js';
import type { Database } from '../db/pool.js';
import { NOTIFICATIONS_CHANNEL } from '../modules/notifications/channel.js';
import { listenPg } from '../modules/notifications/pg-listener.js';
import { createMailer } from '../modules/notifications/smtp.js';
import { MASK_BACKFILL_JOB, backfillResidentMasks } from '../modules/exports/mask-backfill.js';
import { REGISTRY_ROLLUP_JOB, runRegistryRollupPass } from '../modules/figures/registry-rollup.js';
import { ORDER_EVENTS_CHANNEL } from '../modules/orders/repo-events.js';
import { DEADLINE_JOB, runDeadlinePass } from './deadline-pass.js';
import { EMAIL_JOB, runEmailPass } from './email-pass.js';
import { FIGURE_ROLLUP_JOB, runFigureRollupPass } from './figure-rollup-pass.js';
import { MEDIATION_JOB, runMediationPass } from './mediation-pass.js';
import { OUTBOX_JOB, runOutboxPass } from './outbox-pass.js';
import { type Job, startJobRunner } from './runner.js';
import { WEBHOOK_JOB, runWebhookPass } from './webhook-pass.js';

export { runDeadlinePass } from './deadline-pass.js';
export { runEmailPass } from './email-pass.js';
export { runFigureRollupPass } from './figure-rollup-pass.js';
export { runMediationPass } from './mediation-pass.js';
export { runOutboxPass } from './outbox-pass.js';
export { runWebhookPass } from './webhook-pass.js';

type JobSettings = Pick<Config, 'smtpUrl' | 'smtpFrom' | 'deadlineIntervalMs'>;

/**
 * Starts the background jobs of the e-service supermarket: the deadline sweep, the outbox dispatcher (woken at once
 * by each new order event), the e-mail sender (only with SMTP configured) and the webhook sender. Returns a stop
 * function that waits for passes under way; its `ready` settles once the LISTEN connection's first attempt is over.
 */
export function startBackgroundJobs(
  database: Database,
  pii: Pii,
  config: JobSettings,
  log: (msg: string) => void,
): (() => Promise<void>) & { ready: Promise<void> } {
  const { db } = database;
  const mailer = config.smtpUrl ? createMailer(config.smtpUrl, config.smtpFrom) : null;
  const jobs: Job[] = [
    {
      name: DEADLINE_JOB,
      everyMs: config.deadlineIntervalMs,
      pass: async (now) => (await runDeadlinePass(db, now)) ?? { skipped: 'locked' },
    },
    { name: OUTBOX_JOB, everyMs: 5_000, pass: (now) => runOutboxPass(db, { email: mailer !== null, log }, now) },
    { name: WEBHOOK_JOB, everyMs: 15_000, pass: (now) => runWebhookPass(db, { pii }, now) },
    { name: FIGURE_ROLLUP_JOB, everyMs: 60_000, pass: (now) => runFigureRollupPass(db, now) },
    { name: REGISTRY_ROLLUP_JOB, everyMs: 15_000, pass: () => runRegistryRollupPass(db) },
    { name: MEDIATION_JOB, everyMs: 15 * 60_000, pass: async (now) => (await runMediationPass(db, now)) ?? { skipped: 'locked' } },
    { name: MASK_BACKFILL_JOB, everyMs: 10 * 60_000, pass: () => backfillResidentMasks(db, pii) },
    ...(mailer ? [{ name: EMAIL_JOB, everyMs: 15_000, pass: (now: Date) => runEmailPass(db, mailer, now) }] : []),
  ];
  const runner = startJobRunner(db, jobs, log);
  const listener = listenPg(
    database.pool.options,
    [ORDER_EVENTS_CHANNEL, NOTIFICATIONS_CHANNEL],
    (channel) => {
      if (channel === ORDER_EVENTS_CHANNEL) runner.wake(OUTBOX_JOB);
      else if (mailer) runner.wake(EMAIL_JOB);
    },
    { log, onReconnect: () => runner.wake(OUTBOX_JOB) },
  );
  const stop = async () => {
    await listener.close();
    await runner.stop();
    mailer?.transport.close();
  };
  // `ready`: the LISTEN connection's first attempt is over, so /api/health does not call a starting server's listener down
  return Object.assign(stop, { ready: listener.ready });
}
