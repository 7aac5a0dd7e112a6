import type { Locale } from '@linli/contracts';
import type { Db, Tx } from '../db/pool.js';
import type { Actor } from './actor.js';
import { unauthenticated } from './errors.js';
import type { Pii } from './pii.js';

/** What every service verb receives: who acts, from where, in which language, on which database, with which key. */
export type Ctx = {
  db: Db;
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
  locale: Locale;
  /** encryption of ID numbers and phones (required: every module may need it) */
  pii: Pii;
};

/** A context with a signed-in actor; routes get it from `req.auth`, which answers 401 without one. */
export type AuthedCtx = Ctx & { actor: Actor };

/** A context inside a transaction: `tx` is where every read and write of the verb goes. */
export type TxCtx<C extends Ctx = AuthedCtx> = C & { tx: Tx };

/** The one verb signature: `verbEntity({ ctx, input })`; ids of the row acted on travel inside `input`. */
export type VerbArgs<I = undefined, C extends Ctx = AuthedCtx> = { ctx: C; input: I };

export function requireActor(ctx: Ctx): asserts ctx is AuthedCtx {
  if (!ctx.actor) throw unauthenticated();
}

/** The context narrowed to a signed-in actor (401 without one); no casts at call sites. */
export function authedCtx(ctx: Ctx): AuthedCtx {
  requireActor(ctx);
  return ctx;
}

/** A context for the CLI, the seed and tests: no HTTP request behind it. */
export function systemCtx<A extends Actor | null = null>(db: Db, pii: Pii, actor: A = null as A): Ctx & { actor: A } {
  return { db, pii, actor, requestId: null, ip: null, locale: 'zh-CN' };
}

/** Runs `fn` in one transaction; the transaction travels in the context (`tctx.tx`). */
export function inTx<C extends Ctx, T>(ctx: C, fn: (tctx: TxCtx<C>) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn({ ...ctx, tx }));
}
