import pg from 'pg';
import { registerHealthProbe } from '../../core/health.js';

export type PgListener = {
  /** settles once the first connection attempt is over (listening, or failed and retrying) */
  ready: Promise<void>;
  /** true while the connection is up and LISTENing */
  isListening: () => boolean;
  close: () => Promise<void>;
};

const MAX_DELAY_MS = 5_000;

/**
 * One dedicated connection LISTENing on `channels`, outside the pool; when the connection drops (PostgreSQL
 * restarted, the backend terminated) it reconnects with backoff (0.5 s doubling to 5 s, so it is back within
 * seconds of the database) and calls `onReconnect`, since notifications sent meanwhile are lost.
 */
export function listenPg(
  config: pg.ClientConfig,
  channels: readonly string[],
  onNotify: (channel: string, payload: string) => void,
  opts: { log?: (msg: string) => void; onReconnect?: () => void; firstDelayMs?: number } = {},
): PgListener {
  const firstDelay = opts.firstDelayMs ?? 500;
  let closed = false;
  let client: pg.Client | null = null;
  let listening = false;
  let timer: NodeJS.Timeout | null = null;
  let delay = firstDelay;
  let connectedBefore = false;
  let settle: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (settle = resolve));
  const unregister = registerHealthProbe('listener', () => ({
    up: listening,
    detail: listening ? undefined : `LISTEN ${channels.join(', ')}: ${connectedBefore ? 'reconnecting' : 'connecting'}`,
  }));

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  };

  const connect = async () => {
    const c = new pg.Client({ ...config, keepAlive: true, application_name: 'linli-listen' });
    client = c;
    c.on('notification', (n) => onNotify(n.channel, n.payload ?? ''));
    c.on('error', (e) => {
      listening = false;
      opts.log?.(`listen connection lost: ${e.message}`);
      void c.end().catch(() => undefined);
    });
    // one 'end' per client, whether it never connected, failed or was dropped: one retry each
    c.on('end', () => {
      if (client === c) {
        client = null;
        listening = false;
      }
      retry();
    });
    try {
      await c.connect();
      for (const ch of channels) await c.query(`LISTEN ${pg.escapeIdentifier(ch)}`);
      if (closed) return void (await c.end());
      listening = true;
      delay = firstDelay;
      if (connectedBefore) {
        opts.log?.(`listening again on ${channels.join(', ')}`);
        opts.onReconnect?.();
      }
      connectedBefore = true;
    } catch (e) {
      opts.log?.(`cannot listen: ${(e as Error).message}`);
      await c.end().catch(() => undefined);
    } finally {
      settle();
    }
  };

  void connect();
  return {
    ready,
    isListening: () => listening,
    close: async () => {
      closed = true;
      listening = false;
      unregister();
      if (timer) clearTimeout(timer);
      timer = null;
      await client?.end().catch(() => undefined);
    },
  };
}
