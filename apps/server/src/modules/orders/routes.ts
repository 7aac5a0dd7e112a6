import {
  CommentInput,
  CreateOrderInput,
  ErrorBody,
  IdParam,
  OrderDto,
  OrderMoveInput,
  OrderSettingsDto,
  OrderSettingsInput,
  TimelineEntry,
} from '@linli/contracts';
import { z } from 'zod';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { commentOrder } from './verbs/comment-order.js';
import { moveOrder } from './verbs/move-order.js';
import { placeOrder } from './verbs/place-order.js';
import { updateOrderSettings } from './verbs/update-order-settings.js';

const tags = ['orders'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdempotencyHeaders = z.object({
  /** a retried submit with the same key answers the order already made (200) */
  'idempotency-key': z.string().trim().min(1).max(100).optional(),
});

/** Writing service orders (工单): placing them, moving them through the state machine, comments, who closes. */
export const orderRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.post(
    '/api/orders',
    {
      schema: {
        tags,
        summary: 'Place an order: portal, proxy with consent, desk or meeting; Idempotency-Key makes retries safe',
        headers: IdempotencyHeaders,
        body: CreateOrderInput,
        response: { 200: OrderDto, 201: OrderDto, ...errors },
      },
    },
    async (req, reply) => {
      const { order, created } = await placeOrder({
        ctx: req.auth,
        input: { ...req.body, idempotencyKey: req.headers['idempotency-key'] ?? null },
      });
      reply.status(created ? 201 : 200);
      return order;
    },
  );
  app.post(
    '/api/orders/:id/events',
    {
      schema: {
        tags,
        summary: 'Move an order: dispatch, accept, handle, confirm, close … (409 INVALID_TRANSITION when the state forbids it)',
        params: IdParam,
        body: OrderMoveInput,
        response: { 200: OrderDto, ...errors },
      },
    },
    async (req) => moveOrder({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/orders/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on an order (internal comments are never shown to the resident)',
        params: IdParam,
        body: CommentInput,
        response: { 201: TimelineEntry, ...errors },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return commentOrder({ ctx: req.auth, input: { ...req.body, orderId: req.params.id } });
    },
  );
  app.put(
    '/api/communities/:id/order-settings',
    {
      schema: {
        tags,
        summary: 'Let the community admin close orders instead of the street',
        params: IdParam,
        body: OrderSettingsInput,
        response: { 200: OrderSettingsDto, ...errors },
      },
    },
    async (req) => updateOrderSettings({ ctx: req.auth, input: { ...req.body, communityId: req.params.id } }),
  );
};
