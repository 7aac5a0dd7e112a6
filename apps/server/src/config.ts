import path from 'node:path';
import { type RateLimits, rateLimitsFromEnv } from './core/rate-limit.js';
import { parseTrustProxy } from './core/trust-proxy.js';
import { REPO_ROOT } from './paths.js';

export { REPO_ROOT };

/** The demo users' password when LINLI_DEMO_PASSWORD is not set; printed at start. */
export const DEFAULT_DEMO_PASSWORD = 'linli-demo-2026';
/** The demo's Open311 API key when LINLI_DEMO_OPEN311_KEY is not set; printed at start. */
export const DEFAULT_DEMO_OPEN311_KEY = 'linli-demo-open311-key';

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  /** LINLI_WEB=off: serve the API only (no web build at start, no static files), e.g. behind a separate web host */
  web: boolean;
  demoPassword: string | undefined;
  /** LINLI_DEMO_OPEN311_KEY: the plain value of the demo's Open311 API key */
  demoOpen311Key: string | undefined;
  secretKey: string | undefined;
  previousSecretKeys: string | undefined;
  /** LINLI_TRUST_PROXY: how the client address is read behind reverse proxies (core/trust-proxy.ts) */
  trustProxy: false | string;
  logLevel: string;
  /** LINLI_RATE_* and LINLI_MAX_STREAMS_PER_USER: per-user rate limits (core/rate-limit.ts) */
  rateLimits: RateLimits;
  /** LOG_CLIENT_ADDRESS=1: request log lines carry the client address (off: logs hold no personal data) */
  logClientAddress: boolean;
  /** largest register upload (LINLI_IMPORT_MAX_MB, default 20 MiB); larger ones answer 413 */
  importMaxBytes: number;
  /** SMTP server for notification e-mail (LINLI_SMTP_URL, smtp://user:pass@host:port); no e-mail without it */
  smtpUrl: string | undefined;
  /** sender address of notification e-mail (LINLI_SMTP_FROM) */
  smtpFrom: string;
  /** how often the deadline job runs (LINLI_DEADLINE_INTERVAL_S, default 60 s) */
  deadlineIntervalMs: number;
};

function resolveFromInvocation(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

/** Reads the environment once; every knob is listed in the README's configuration table. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.LINLI_DATA_DIR ? resolveFromInvocation(env.LINLI_DATA_DIR) : path.join(REPO_ROOT, 'data'),
    demo: (env.LINLI_DEMO ?? 'on') !== 'off',
    web: (env.LINLI_WEB ?? 'on') !== 'off',
    demoPassword: env.LINLI_DEMO_PASSWORD || undefined,
    demoOpen311Key: env.LINLI_DEMO_OPEN311_KEY || undefined,
    secretKey: env.LINLI_SECRET_KEY || undefined,
    previousSecretKeys: env.LINLI_SECRET_KEY_PREVIOUS || undefined,
    trustProxy: parseTrustProxy(env.LINLI_TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimits: rateLimitsFromEnv(env),
    logClientAddress: env.LOG_CLIENT_ADDRESS === '1' || env.LOG_CLIENT_ADDRESS === 'true',
    importMaxBytes: Math.round(Number(env.LINLI_IMPORT_MAX_MB || 20) * 1024 * 1024),
    smtpUrl: env.LINLI_SMTP_URL || undefined,
    smtpFrom: env.LINLI_SMTP_FROM || 'Linli <noreply@linli.local>',
    deadlineIntervalMs: Math.max(5, Number(env.LINLI_DEADLINE_INTERVAL_S || 60)) * 1000,
  };
}
