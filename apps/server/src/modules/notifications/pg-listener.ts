import pg from 'pg';

export type PgListener = {
  /** settles once the first connection attempt is over (listening, or failed and retrying) */
  ready: Promise<void>;
  close: () => Promise<void>;
};

/**
 * One dedicated connection LISTENing on `channels`, outside the pool; when the connection drops it reconnects with
 * backoff (1 s doubling to 30 s) and calls `onReconnect`, since notifications sent meanwhile are lost.
 */
export function listenPg(
  config: pg.ClientConfig,
  channels: readonly string[],
  onNotify: (channel: string, payload: string) => void,
  opts: { log?: (msg: string) => void; onReconnect?: () => void } = {},
): PgListener {
  let closed = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let delay = 1000;
  let connectedBefore = false;
  let settle: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (settle = resolve));

  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 30_000);
  };

  const connect = async () => {
    const c = new pg.Client({ ...config, application_name: 'linli-listen' });
    client = c;
    c.on('notification', (n) => onNotify(n.channel, n.payload ?? ''));
    c.on('error', (e) => {
      opts.log?.(`listen connection lost: ${e.message}`);
      void c.end().catch(() => undefined);
    });
    c.on('end', () => {
      if (client === c) client = null;
      retry();
    });
    try {
      await c.connect();
      for (const ch of channels) await c.query(`LISTEN ${pg.escapeIdentifier(ch)}`);
      if (closed) return void (await c.end());
      delay = 1000;
      if (connectedBefore) opts.onReconnect?.();
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
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await client?.end().catch(() => undefined);
    },
  };
}
