import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../db/schema/index.js';
import { type Mailer, createMailer } from '../modules/notifications/smtp.js';
import { useTestDb } from '../testing/index.js';
import { runEmailPass } from './email-pass.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from './retry.js';

const t = useTestDb();
type Received = { from: string; to: string[]; raw: string; user: string | undefined };
const received: Received[] = [];
let rejectNext = 0;
let server: SMTPServer;
let mailer: Mailer;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    allowInsecureAuth: true,
    onAuth: (auth, _session, cb) =>
      auth.username === 'linli' && auth.password === 'pw' ? cb(null, { user: auth.username }) : cb(new Error('bad auth')),
    onRcptTo: (_addr, _session, cb) => {
      if (rejectNext > 0) {
        rejectNext--;
        return cb(Object.assign(new Error('mailbox busy'), { responseCode: 450 }));
      }
      cb();
    },
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  mailer = createMailer(`smtp://linli:pw@127.0.0.1:${port}`, 'Linli <noreply@linli.test>');
});

afterAll(async () => {
  mailer?.transport.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The Subject header, decoded from its base64 encoded words. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r\n .*)*)/m.exec(raw)?.[1] ?? '';
  const words = [...header.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)].map((m) => Buffer.from(m[1]!, 'base64'));
  return words.length ? Buffer.concat(words).toString('utf8') : header;
}

const queue = async (to: string, subject: string, now: Date) =>
  (await t.db.insert(emailOutbox).values({ to, subject, body: '请尽快处理', nextAttemptAt: now }).returning())[0]!;
const rowOf = async (id: number) => (await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;

describe('e-mail pass', () => {
  it('sends a queued message over SMTP with the right sender, recipient and subject', async () => {
    const now = new Date();
    const row = await queue('resident@example.org', '工单 202611230000001（水管维修）已派单', now);
    expect(await runEmailPass(t.db, mailer, now)).toEqual({ sent: 1, failed: 0, retrying: 0 });
    const mail = received.at(-1)!;
    expect(mail).toMatchObject({ from: 'noreply@linli.test', to: ['resident@example.org'], user: 'linli' });
    expect(subjectOf(mail.raw)).toBe('工单 202611230000001（水管维修）已派单');
    expect(await rowOf(row.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await runEmailPass(t.db, mailer, now)).toEqual({ sent: 0, failed: 0, retrying: 0 });
  });

  it('retries a refused message with backoff, then gives it up as failed', async () => {
    const now = new Date();
    const row = await queue('busy@example.org', 'retry me', now);
    rejectNext = MAX_ATTEMPTS;
    let at = now;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await runEmailPass(t.db, mailer, at)).toMatchObject({ retrying: 1 });
      const r = await rowOf(row.id);
      expect(r.nextAttemptAt.getTime()).toBe(at.getTime() + RETRY_DELAYS_MS[attempt - 1]!);
      expect(await runEmailPass(t.db, mailer, at)).toMatchObject({ retrying: 0 });
      at = r.nextAttemptAt;
    }
    expect(await runEmailPass(t.db, mailer, at)).toMatchObject({ failed: 1 });
    expect(await rowOf(row.id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect((await rowOf(row.id)).lastError).toMatch(/450|busy/);
  });
});
