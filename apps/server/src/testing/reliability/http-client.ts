import { httpSignIn } from '../access/send.js';

/** One answer as a check sees it: status, Retry-After, body text; status 0 when the connection failed. */
export type Answer = { status: number; retryAfter: string | null; text: string; ms: number; error?: string };

export type Session = {
  username: string;
  get: (path: string) => Promise<Answer>;
  post: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Answer>;
};

const TIMEOUT_MS = 30_000;

/** One HTTP request over real sockets (fetch); a refused or reset connection answers status 0 instead of throwing. */
export async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await res.text();
    return { status: res.status, retryAfter: res.headers.get('retry-after'), text, ms: performance.now() - started };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    return { status: 0, retryAfter: null, text: '', ms: performance.now() - started, error: cause?.code ?? (e as Error).name };
  }
}

/** Signs in through `/api/auth/login` and returns a session sending its cookie and CSRF token. */
export async function signInHttp(base: string, username: string, password: string): Promise<Session> {
  const auth = await httpSignIn(base, username, password);
  return {
    username,
    get: (path) => send(`${base}${path}`, { headers: { cookie: auth.cookie } }),
    post: (path, body, headers = {}) =>
      send(`${base}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
  };
}

/** The id of a JSON answer (`{ id }`), or null. */
export function idOf(a: Answer): string | null {
  if (a.status < 200 || a.status >= 300) return null;
  try {
    const id = (JSON.parse(a.text) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** p50/p95/p99 and max of a list of durations (ms). */
export function percentiles(ms: number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : 0);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? 0 };
}
