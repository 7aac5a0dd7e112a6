import type { Locale } from '@linli/contracts';
import type { Db, Tx } from '../db/pool.js';
import type { Actor } from './actor.js';
import { unauthenticated } from './errors.js';

/** What every service verb receives: who acts, from where, in which language, on which database. */
export type Ctx = {
  db: Db;
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
  locale: Locale;
};

export type AuthedCtx = Ctx & { actor: Actor };

export function requireActor(ctx: Ctx): asserts ctx is AuthedCtx {
  if (!ctx.actor) throw unauthenticated();
}

/** A context for the CLI, the seed and tests: no HTTP request behind it. */
export function systemCtx(db: Db, actor: Actor | null = null): Ctx {
  return { db, actor, requestId: null, ip: null, locale: 'zh-CN' };
}

export function inTx<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(fn);
}
