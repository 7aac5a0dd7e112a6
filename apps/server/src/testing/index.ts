import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppDeps } from '../app.js';
import type { Database } from '../db/pool.js';
import { createTestDatabase } from './database.js';
import { testPii } from './registry-factories.js';

export * from './factories.js';
export * from './registry-factories.js';
export { createTestDatabase } from './database.js';

export type TestDb = Database & { url: string };

/** Registers hooks giving this test file its own database; read `.db` inside tests. */
export function useTestDb(): TestDb {
  const holder = {} as TestDb & { drop?: () => Promise<void> };
  beforeAll(async () => {
    Object.assign(holder, await createTestDatabase());
  });
  afterAll(async () => {
    await holder.drop?.();
  });
  return holder;
}

export type TestApp = { app: FastifyInstance; t: TestDb };

/** A test database plus the whole app built on it, closed after the file. */
export function useTestApp(opts: Partial<AppDeps> = {}): TestApp {
  const t = useTestDb();
  const holder = { t } as TestApp;
  beforeAll(async () => {
    holder.app = await buildApp({ database: t, pii: testPii, ...opts });
    await holder.app.ready();
  });
  afterAll(async () => {
    await holder.app?.close();
  });
  return holder;
}

export type Agent = {
  csrf: string;
  cookie: string;
  request: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
};

/** Signs in through the real endpoint and returns a client that sends the cookie and CSRF header. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'linli_sid');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const header = `linli_sid=${cookie!.value}`;
  const request = (opts: InjectOptions) => app.inject({ ...opts, headers: { cookie: header, 'x-csrf-token': csrf, ...opts.headers } });
  const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE') => (url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
  return {
    csrf,
    cookie: header,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
export * from './order-factories.js';
