import { ChangePasswordInput, ErrorBody, Locale, LoginInput, MeDto, OkBody } from '@linli/contracts';
import { z } from 'zod';
import type { ModuleRoutes } from '../module.js';
import { clearSessionCookie, requireSession, setSessionCookie } from './plugin.js';
import { changeMyPassword } from './verbs/change-my-password.js';
import { getMe } from './verbs/get-me.js';
import { loginUser } from './verbs/login-user.js';
import { logoutUser } from './verbs/logout-user.js';
import { setMyLocale } from './verbs/set-my-locale.js';

const tags = ['auth'];

/** Sign-in, sign-out and the signed-in user's own settings. */
export const authRoutes: ModuleRoutes = (deps) => async (app) => {
  app.post(
    '/api/auth/login',
    { schema: { tags, summary: 'Sign in', body: LoginInput, response: { 200: MeDto, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody } } },
    async (req, reply) => {
      const { token, me } = await loginUser({ ctx: req.ctx, input: { ...req.body, oldToken: req.sessionToken, limits: deps.throttle } });
      setSessionCookie(req, reply, token);
      return me;
    },
  );
  app.post('/api/auth/logout', { schema: { tags, summary: 'Sign out', response: { 200: OkBody } } }, async (req, reply) => {
    const ok = await logoutUser({ ctx: req.ctx, input: { token: req.sessionToken } });
    clearSessionCookie(reply);
    return ok;
  });
  app.get(
    '/api/me',
    {
      onRequest: requireSession,
      schema: { tags, summary: 'The signed-in user, roles, scopes and abilities', response: { 200: MeDto, 401: ErrorBody } },
    },
    async (req) => getMe({ ctx: req.auth, input: { me: req.me!, csrfToken: req.session!.csrfToken } }),
  );
  app.put(
    '/api/me/locale',
    {
      onRequest: requireSession,
      schema: { tags, summary: 'Save the UI language', body: z.object({ locale: Locale }), response: { 200: OkBody } },
    },
    async (req) => setMyLocale({ ctx: req.auth, input: req.body }),
  );
  app.post(
    '/api/me/password',
    {
      onRequest: requireSession,
      schema: {
        tags,
        summary: 'Change own password (throttled like sign-in)',
        body: ChangePasswordInput,
        response: { 200: OkBody, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (req) => changeMyPassword({ ctx: req.auth, input: { ...req.body, token: req.sessionToken!, limits: deps.throttle } }),
  );
};
