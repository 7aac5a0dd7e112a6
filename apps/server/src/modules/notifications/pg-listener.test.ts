import { afterAll, describe, expect, it } from 'vitest';
import { partState } from '../../core/health.js';
import { useTestDb } from '../../testing/index.js';
import { type PgListener, listenPg } from './pg-listener.js';

const t = useTestDb();
const listeners: PgListener[] = [];

afterAll(async () => {
  await Promise.all(listeners.map((l) => l.close()));
});

async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the LISTEN connection', () => {
  it('reconnects after its backend is terminated, says so, and receives notifications again', async () => {
    const got: string[] = [];
    let reconnects = 0;
    const listener = listenPg({ connectionString: t.url }, ['h7_test'], (_ch, payload) => got.push(payload), {
      firstDelayMs: 50,
      onReconnect: () => reconnects++,
    });
    listeners.push(listener);
    await listener.ready;
    expect(listener.isListening()).toBe(true);
    expect(partState('listener').state).toBe('up');
    await t.pool.query(`NOTIFY h7_test, 'one'`);
    await eventually(() => got.includes('one'), 'the first notification');

    const killed = await t.pool.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'linli-listen'`,
    );
    expect(killed.rows[0]!.n).toBe(1);
    await eventually(() => !listener.isListening(), 'the loss to be noticed');
    expect(partState('listener')).toMatchObject({ state: 'down', details: ['LISTEN h7_test: reconnecting'] });

    await eventually(() => reconnects === 1 && listener.isListening(), 'the reconnect');
    expect(partState('listener').state).toBe('up');
    await t.pool.query(`NOTIFY h7_test, 'two'`);
    await eventually(() => got.includes('two'), 'a notification after the reconnect');
  });

  it('says "connecting" until its first connection, then "up"; "reconnecting" only once it was connected', async () => {
    const listener = listenPg({ connectionString: t.url }, ['h7_first'], () => undefined);
    listeners.push(listener);
    expect(partState('listener')).toEqual({ state: 'down', details: ['LISTEN h7_first: connecting'] });
    await listener.ready;
    expect(partState('listener')).toEqual({ state: 'up', details: [] });
    await listener.close();
  });

  it('keeps retrying while the server cannot be reached, reporting itself down', async () => {
    const logs: string[] = [];
    const url = new URL(t.url);
    url.port = '1';
    const listener = listenPg({ connectionString: url.toString() }, ['h7_test'], () => undefined, {
      firstDelayMs: 20,
      log: (m) => logs.push(m),
    });
    listeners.push(listener);
    await listener.ready;
    await eventually(() => logs.filter((l) => l.startsWith('cannot listen')).length >= 3, 'three attempts');
    expect(listener.isListening()).toBe(false);
    expect(partState('listener').state).toBe('down');
    await listener.close();
  });
});
