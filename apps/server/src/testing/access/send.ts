import type { FastifyInstance } from 'fastify';

export type Sent = { statusCode: number; body: string; headers: Record<string, unknown> };
export type SendOptions = { method: string; url: string; headers?: Record<string, string>; payload?: string | Buffer };
/** One HTTP request of a check, as one caller (signed in or not). */
export type Send = (opts: SendOptions) => Promise<Sent>;

/** Requests through the app itself (Fastify inject: the whole HTTP stack without a socket). */
export function injector(app: FastifyInstance, headers: Record<string, string> = {}): Send {
  return async (o) => {
    const res = await app.inject({ method: o.method as 'GET', url: o.url, headers: { ...headers, ...o.headers }, payload: o.payload });
    return { statusCode: res.statusCode, body: res.body, headers: res.headers };
  };
}

/** Signs `username` in through the real endpoint and returns a sender with its session cookie and CSRF token. */
export async function signedIn(app: FastifyInstance, username: string, password: string): Promise<Send> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'linli_sid');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return injector(app, { cookie: `linli_sid=${cookie!.value}`, 'x-csrf-token': csrf });
}

/** The operations of an OpenAPI document: `{ method, path, op }` for every GET/POST/PUT/PATCH/DELETE. */
export type Operation = { method: string; path: string; op: OpenApiOperation };
export type OpenApiSchema = {
  type?: string | string[];
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  enum?: unknown[];
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  format?: string;
};
export type OpenApiOperation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: OpenApiSchema }[];
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
};

export function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map(([m, op]) => ({ method: m.toUpperCase(), path, op: op as OpenApiOperation })),
  );
}

/** Requests over real HTTP to a running server at `base` (`http://127.0.0.1:3000`). */
export function httpSender(base: string, headers: Record<string, string> = {}): Send {
  return async (o) => {
    const res = await fetch(base + o.url, {
      method: o.method,
      headers: { ...headers, ...o.headers },
      body: o.payload === undefined ? undefined : new Uint8Array(Buffer.from(o.payload)),
      redirect: 'manual',
    });
    return { statusCode: res.status, body: await res.text(), headers: Object.fromEntries(res.headers) };
  };
}

/** Signs in over real HTTP; the headers a signed-in request sends (session cookie and CSRF token). */
export async function httpSignIn(base: string, username: string, password: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const sid = /linli_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  return { cookie: `linli_sid=${sid}`, 'x-csrf-token': csrf };
}

export async function httpSignedIn(base: string, username: string, password: string): Promise<Send> {
  return httpSender(base, await httpSignIn(base, username, password));
}
