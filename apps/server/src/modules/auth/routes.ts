import { ChangePasswordInput, ErrorBody, Locale, LoginInput, MeDto, OkBody } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthedCtx } from '../../core/context.js';
import { clearSessionCookie, requireSession, setSessionCookie } from './plugin.js';
import { changeMyPassword, getMe, loginUser, logoutUser, setMyLocale } from './service.js';
import { DEFAULT_THROTTLE, type ThrottleLimits } from './throttle.js';

const tags = ['auth'];

export function authRoutes(limits: ThrottleLimits = DEFAULT_THROTTLE): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      { schema: { tags, summary: 'Sign in', body: LoginInput, response: { 200: MeDto, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody } } },
      async (req, reply) => {
        const { token, me } = await loginUser({ ctx: req.ctx, input: req.body, oldToken: req.sessionToken, limits });
        setSessionCookie(req, reply, token);
        return me;
      },
    );
    app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out', response: { 200: OkBody } } }, async (req, reply) => {
      await logoutUser({ ctx: req.ctx, token: req.sessionToken });
      clearSessionCookie(reply);
      return { ok: true as const };
    });
    app.get(
      '/api/me',
      {
        preHandler: requireSession,
        schema: { tags, summary: 'The signed-in user, roles, scopes and abilities', response: { 200: MeDto, 401: ErrorBody } },
      },
      async (req) => getMe({ actor: req.me!, csrfToken: req.session!.csrfToken }),
    );
    app.put(
      '/api/me/locale',
      {
        preHandler: requireSession,
        schema: { tags, summary: 'Save the UI language', body: z.object({ locale: Locale }), response: { 200: OkBody } },
      },
      async (req) => {
        await setMyLocale({ ctx: req.ctx as AuthedCtx, locale: req.body.locale });
        return { ok: true as const };
      },
    );
    app.post(
      '/api/me/password',
      {
        preHandler: requireSession,
        schema: { tags, summary: 'Change own password', body: ChangePasswordInput, response: { 200: OkBody, 400: ErrorBody } },
      },
      async (req) => {
        await changeMyPassword({ ctx: req.ctx as AuthedCtx, input: req.body, token: req.sessionToken! });
        return { ok: true as const };
      },
    );
  };
}
