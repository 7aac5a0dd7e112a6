import { ErrorBody, MyEmail, NotificationDto, NotificationList, NotificationQuery, UnreadCount } from '@linli/contracts';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import { RATE_MESSAGES } from '../../core/rate-limit.js';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { notificationHub } from './stream.js';
import { getMyEmail } from './verbs/get-my-email.js';
import { listMyNotifications } from './verbs/list-my-notifications.js';
import { readAllNotifications } from './verbs/read-all-notifications.js';
import { readNotification } from './verbs/read-notification.js';
import { setMyEmail } from './verbs/set-my-email.js';

const tags = ['notifications'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const NotificationId = z.object({ id: z.coerce.number().int().positive() });

/** The in-app notification centre (list, read marks, live stream) and the user's notification e-mail. */
export const notificationRoutes: ModuleRoutes = (deps) => async (app) => {
  const hub = notificationHub(deps.database, (m) => app.log.warn(m));
  // streams never end by themselves: close them before the server waits for open connections
  app.addHook('preClose', async () => hub.close());
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: NotificationQuery,
        response: { 200: NotificationList, ...errors },
      },
    },
    async (req) => listMyNotifications({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: NotificationId,
        response: { 200: NotificationDto, ...errors },
      },
    },
    async (req) => readNotification({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read', response: { 200: UnreadCount, ...errors } } },
    async (req) => readAllNotifications({ ctx: req.auth, input: undefined }),
  );
  app.get(
    '/api/notifications/stream',
    {
      schema: {
        tags,
        summary: 'Server-sent events: `event: notification` with {notification, unread} on every new notification; `: ping` every 25 s',
        produces: ['text/event-stream'],
        response: { 200: z.string().describe('text/event-stream'), 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const { actor } = req.auth;
      const max = deps.rateLimits.streamsPerUser;
      if (hub.openStreams(actor.userId) >= max)
        throw new AppError('LIMIT_EXCEEDED', RATE_MESSAGES.streams(max)[req.auth.locale], { retryAfterSeconds: 30, limit: 'streams' });
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
      });
      await hub.attach(actor.userId, req.session!.tokenHash, reply.raw);
    },
  );
  app.get(
    '/api/me/email',
    { schema: { tags, summary: 'Where my order notifications are e-mailed', response: { 200: MyEmail, ...errors } } },
    async (req) => getMyEmail({ ctx: req.auth, input: undefined }),
  );
  app.put(
    '/api/me/email',
    {
      schema: {
        tags,
        summary: 'Set or clear (null) my notification e-mail address',
        body: MyEmail,
        response: { 200: MyEmail, ...errors },
      },
    },
    async (req) => setMyEmail({ ctx: req.auth, input: req.body }),
  );
};
