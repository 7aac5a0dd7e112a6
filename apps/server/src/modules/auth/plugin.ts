import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/pool.js';
import { type AuthedCtx, type Ctx, authedCtx } from '../../core/context.js';
import type { Pii } from '../../core/pii.js';
import { AppError, unauthenticated } from '../../core/errors.js';
import { requestLocale } from '../../core/i18n.js';
import { AUTH_MESSAGES } from './messages.js';
import type { ActorWithRows } from './repo.js';
import { SESSION_ABSOLUTE_MS, type SessionRow, findLiveSession } from './repo-sessions.js';

export const SESSION_COOKIE = 'linli_sid';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    /** the context of a signed-in actor; reading it without one answers 401 */
    readonly auth: AuthedCtx;
    session: SessionRow | null;
    /** the signed-in user with their assignment rows, loaded once per request */
    me: ActorWithRows | null;
    sessionToken: string | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Resolves the session cookie into `req.ctx.actor`, and demands the CSRF header on cookie-authenticated writes. */
export function installSessionHook(app: FastifyInstance, database: Database, pii: Pii): void {
  const { db } = database;
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('auth', {
    getter(this: FastifyRequest) {
      return authedCtx(this.ctx);
    },
  });
  app.decorateRequest('session', null);
  app.decorateRequest('me', null);
  app.decorateRequest('sessionToken', undefined);
  app.addHook('onRequest', async (req) => {
    let actor: ActorWithRows | null = null;
    const token = req.cookies[SESSION_COOKIE];
    req.sessionToken = token;
    req.session = null;
    if (token && req.url.startsWith('/api/')) {
      const found = await findLiveSession(database, token);
      actor = found?.actor ?? null;
      req.session = found?.session ?? null;
    }
    req.me = actor;
    req.ctx = {
      db,
      pii,
      actor,
      requestId: String(req.id),
      ip: req.ip ?? null,
      locale: actor?.locale && !req.headers['x-linli-locale'] ? actor.locale : requestLocale(req),
    };
    if (req.session && !SAFE_METHODS.has(req.method) && req.url !== '/api/auth/login') {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, req.session.csrfToken)) {
        throw new AppError('FORBIDDEN', AUTH_MESSAGES.csrf()[req.ctx.locale], { reason: 'csrf' });
      }
    }
  });
}

/** preHandler for routes that need a signed-in user. */
export async function requireSession(req: FastifyRequest): Promise<void> {
  if (!req.ctx.actor || !req.session) throw unauthenticated();
}
