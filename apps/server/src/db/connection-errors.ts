import { DrizzleQueryError } from 'drizzle-orm';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// 57P01 admin_shutdown (pg_terminate_backend, a fast shutdown), 57P02 crash_shutdown, 57P03 cannot_connect_now
// (starting up, in recovery), 53300 too_many_connections; class 08 is connection exceptions.
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)/i;

/** Errors and their causes, outermost first (drizzle wraps the driver's error in DrizzleQueryError.cause). */
function* chain(e: unknown): Generator<{ code?: unknown; message?: unknown; errors?: unknown }> {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const err = cur as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    yield err;
    cur = err.cause;
  }
}

/**
 * True when `e` means the database could not be reached or the connection was lost: the request should fail with
 * 503 and a retry hint, not 500. Covers node's socket errors (AggregateError of both address families too), the
 * server's shutdown and connection classes, and pg/pg-pool's own messages.
 */
export function isConnectionError(e: unknown): boolean {
  for (const err of chain(e)) {
    const code = typeof err.code === 'string' ? err.code : '';
    if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    // drizzle's own message quotes the query and its parameters, which are user input
    if (typeof err.message === 'string' && !err.message.startsWith('Failed query:') && MESSAGES.test(err.message)) return true;
    if (Array.isArray(err.errors) && err.errors.some((x) => isConnectionError(x))) return true;
  }
  return false;
}

/**
 * An error's message fit for logs and the job_runs table: drizzle's wrapper is replaced by the driver's message
 * (drizzle's quotes the query's parameters) and values PostgreSQL quotes ("…") are masked, as they may be personal.
 */
export function safeErrorMessage(e: unknown): string {
  const err = (e instanceof DrizzleQueryError && e.cause ? e.cause : e) as { message?: unknown } | null;
  return String(err?.message ?? e)
    .replace(/"[^"]*"/g, '"…"')
    .slice(0, 300);
}
