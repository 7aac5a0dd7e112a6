import nodemailer from 'nodemailer';

export type Mailer = { transport: ReturnType<typeof smtpTransport>; from: string };

function smtpTransport(url: string) {
  return nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
}

/** A mail transport for LINLI_SMTP_URL (smtp://user:pass@host:port, or smtps:// for TLS from the start). */
export function createMailer(url: string, from: string): Mailer {
  return { transport: smtpTransport(url), from };
}
