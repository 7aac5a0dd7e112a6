import type nodemailer from 'nodemailer';
import { lazyRequire } from '../../core/lazy-require.js';

const mailer = lazyRequire<typeof nodemailer>('nodemailer');

export type Mailer = { transport: ReturnType<typeof smtpTransport>; from: string };

function smtpTransport(url: string) {
  return mailer().createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
}

/** A mail transport for LINLI_SMTP_URL (smtp://user:pass@host:port, or smtps:// for TLS from the start). */
export function createMailer(url: string, from: string): Mailer {
  return { transport: smtpTransport(url), from };
}
