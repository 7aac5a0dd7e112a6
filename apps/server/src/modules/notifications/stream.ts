import type { ServerResponse } from 'node:http';
import type { NotificationPush } from '@linli/contracts';
import { safeErrorMessage } from '../../db/connection-errors.js';
import type { Database } from '../../db/pool.js';
import { SESSIONS_ENDED_CHANNEL, type SessionsEnded, liveTokenHashes } from '../auth/repo-sessions.js';
import { NOTIFICATIONS_CHANNEL } from './channel.js';
import { type PgListener, listenPg } from './pg-listener.js';
import { presentNotification } from './presenter.js';
import { countUnread, latestNotification } from './repo.js';

const HEARTBEAT_MS = 25_000;

export type NotificationHub = {
  /** how many streams `userId` has open on this server */
  openStreams: (userId: string) => number;
  /** keeps `res` open as `userId`'s event stream until the client goes or the session (`tokenHash`) ends */
  attach: (userId: string, tokenHash: string, res: ServerResponse) => Promise<void>;
  /** ends every stream and the LISTEN connection */
  close: () => Promise<void>;
};

function send(res: ServerResponse, push: NotificationPush): void {
  res.write(`event: notification\ndata: ${JSON.stringify(push)}\n\n`);
}

/**
 * The server-sent event streams of one server process: a single LISTEN connection (opened with the first stream)
 * for all of them, a heartbeat comment every 25 s so proxies keep the connection, a push per NOTIFY.
 */
export function notificationHub(database: Database, log: (msg: string) => void = () => undefined): NotificationHub {
  const clients = new Map<string, Set<ServerResponse>>();
  const sessionOf = new Map<ServerResponse, { userId: string; tokenHash: string }>();
  let listener: PgListener | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const pushTo = async (userId: string, withLatest: boolean) => {
    const streams = clients.get(userId);
    if (!streams?.size) return;
    const [latest, unread] = await Promise.all([
      withLatest ? latestNotification(database.db, userId) : undefined,
      countUnread(database.db, userId),
    ]);
    const push = { notification: latest ? presentNotification(latest) : null, unread };
    for (const res of streams) send(res, push);
  };
  const endWhere = (ended: (s: { userId: string; tokenHash: string }) => boolean) => {
    for (const [res, session] of sessionOf) if (ended(session)) res.end();
  };
  const onSessionsEnded = (payload: string) => {
    const e = JSON.parse(payload) as SessionsEnded;
    endWhere((s) => ('tokenHash' in e ? s.tokenHash === e.tokenHash : s.userId === e.userId && s.tokenHash !== e.except));
  };
  const onNotify = (channel: string, payload: string) => {
    if (channel === SESSIONS_ENDED_CHANNEL) return onSessionsEnded(payload);
    pushTo(payload, true).catch((e: unknown) => log(`notification push failed: ${safeErrorMessage(e)}`));
  };
  // sessions also end by expiry or idleness, which nobody announces: check at every heartbeat
  const endExpired = async () => {
    const live = await liveTokenHashes(database.db, [...new Set([...sessionOf.values()].map((s) => s.tokenHash))]);
    endWhere((s) => !live.has(s.tokenHash));
  };
  // after a reconnect the unread counts may be stale: refresh every stream
  const onReconnect = () => {
    for (const userId of clients.keys())
      pushTo(userId, false).catch((e: unknown) => log(`notification refresh failed: ${safeErrorMessage(e)}`));
  };

  const start = async () => {
    listener ??= listenPg(database.pool.options, [NOTIFICATIONS_CHANNEL, SESSIONS_ENDED_CHANNEL], onNotify, { log, onReconnect });
    heartbeat ??= setInterval(() => {
      for (const set of clients.values()) for (const res of set) res.write(': ping\n\n');
      endExpired().catch((e: unknown) => log(`stream session check failed: ${safeErrorMessage(e)}`));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    await listener.ready;
  };

  return {
    openStreams: (userId) => clients.get(userId)?.size ?? 0,
    // counted before the first await, so a burst of opens cannot slip past the per-user cap
    attach: async (userId, tokenHash, res) => {
      const set = clients.get(userId) ?? new Set();
      clients.set(userId, set);
      set.add(res);
      sessionOf.set(res, { userId, tokenHash });
      res.on('close', () => {
        set.delete(res);
        sessionOf.delete(res);
        if (set.size === 0) clients.delete(userId);
      });
      await start();
      send(res, { notification: null, unread: await countUnread(database.db, userId) });
    },
    close: async () => {
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      for (const set of clients.values()) for (const res of set) res.end();
      clients.clear();
      sessionOf.clear();
      await listener?.close();
      listener = null;
    },
  };
}
