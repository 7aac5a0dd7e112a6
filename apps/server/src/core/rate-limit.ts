import { type Text, text } from '@linli/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** What is limited per user: full ID/phone reveals, spreadsheet exports, register imports, searches. */
export const RATE_BUCKETS = ['reveal', 'export', 'import', 'search'] as const;
export type RateBucket = (typeof RATE_BUCKETS)[number];
/** `count` requests at once, refilled evenly over `perSeconds` (a token bucket). */
export type RateRule = { count: number; perSeconds: number };
export type RateLimits = Record<RateBucket, RateRule> & { streamsPerUser: number };

/** Far above a person's pace (the test suites never reach them), far below a script's. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  reveal: { count: 60, perSeconds: 600 },
  export: { count: 20, perSeconds: 600 },
  import: { count: 60, perSeconds: 600 },
  search: { count: 120, perSeconds: 60 },
  streamsPerUser: 10,
};

const ENV_OF: Record<RateBucket, string> = {
  reveal: 'LINLI_RATE_REVEAL',
  export: 'LINLI_RATE_EXPORT',
  import: 'LINLI_RATE_IMPORT',
  search: 'LINLI_RATE_SEARCH',
};

function parseRule(name: string, value: string | undefined, fallback: RateRule): RateRule {
  if (!value) return fallback;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new Error(`${name} must look like "60/600" (60 requests per 600 s), not "${value}"`);
  return { count: Number(m[1]), perSeconds: Number(m[2]) };
}

/** LINLI_RATE_REVEAL / _EXPORT / _IMPORT / _SEARCH ("count/seconds") and LINLI_MAX_STREAMS_PER_USER, else the defaults. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimits {
  const streams = env.LINLI_MAX_STREAMS_PER_USER ? Number(env.LINLI_MAX_STREAMS_PER_USER) : DEFAULT_RATE_LIMITS.streamsPerUser;
  if (!Number.isInteger(streams) || streams < 1) throw new Error('LINLI_MAX_STREAMS_PER_USER must be a whole number ≥ 1');
  const rules = Object.fromEntries(RATE_BUCKETS.map((b) => [b, parseRule(ENV_OF[b], env[ENV_OF[b]], DEFAULT_RATE_LIMITS[b])]));
  return { ...(rules as Record<RateBucket, RateRule>), streamsPerUser: streams };
}

/** Which bucket a request spends from, by its route pattern; null for everything else. */
export function bucketOf(method: string, route: string | undefined, query: unknown): RateBucket | null {
  if (!route?.startsWith('/api/')) return null;
  if (method === 'POST' && route.endsWith('/reveal')) return 'reveal';
  if (method === 'POST' && route.startsWith('/api/imports')) return 'import';
  if (method !== 'GET') return null;
  if (route.endsWith('.xlsx') && route !== '/api/imports/template.xlsx') return 'export';
  const q = query as Record<string, unknown> | null;
  const searching = (k: string) => typeof q?.[k] === 'string' && (q[k] as string).trim() !== '';
  return searching('q') || searching('address') ? 'search' : null;
}

type Bucket = { tokens: number; at: number };

/** In-process token buckets: each server keeps its own (see SECURITY.md for several servers). */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one token; returns 0 when granted, else the whole seconds until one is there. */
  take(key: string, rule: RateRule): number {
    const t = this.now();
    const perMs = rule.count / (rule.perSeconds * 1000);
    const b = this.buckets.get(key) ?? { tokens: rule.count, at: t };
    b.tokens = Math.min(rule.count, b.tokens + (t - b.at) * perMs);
    b.at = t;
    this.buckets.set(key, b);
    if (this.buckets.size > 10_000) this.sweep(t);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
  }

  /** Forgets buckets idle long enough to be full again (an hour covers every sane rule). */
  private sweep(t: number) {
    for (const [k, b] of this.buckets) if (t - b.at > 3_600_000) this.buckets.delete(k);
  }
}

export const RATE_MESSAGES = {
  limited: (seconds: number) => text(`操作过于频繁，请 ${seconds} 秒后再试`, `Too many requests; try again in ${seconds} s`),
  streams: (max: number) =>
    text(
      `同时打开的实时通知连接已达上限（${max} 个），请关闭其他窗口`,
      `Too many live notification streams open (${max}); close another window`,
    ),
} satisfies Record<string, (...args: never[]) => Text>;

/**
 * Per-user limits on reveals, exports, imports and searches: 429 with Retry-After when a bucket is empty. Installed
 * after the session hook (it needs the actor) and refusing before any body is read.
 */
export function installRateLimits(app: FastifyInstance, limits: RateLimits, buckets = new TokenBuckets()): void {
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const userId = req.ctx?.actor?.userId;
    const bucket = userId ? bucketOf(req.method, req.routeOptions.url, req.query) : null;
    if (!userId || !bucket) return;
    const wait = buckets.take(`${bucket}:${userId}`, limits[bucket]);
    if (wait > 0)
      throw new AppError('LIMIT_EXCEEDED', RATE_MESSAGES.limited(wait)[req.ctx.locale], { retryAfterSeconds: wait, limit: bucket });
  });
}
