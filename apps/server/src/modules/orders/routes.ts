import { CreateOrderInput, ErrorBody, IdParam, OrderDto, OrderMoveInput } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthedCtx } from '../../core/context.js';
import type { Pii } from '../../core/pii.js';
import { requireSession } from '../auth/plugin.js';
import { placeOrder } from './intake.js';
import { moveOrder } from './move.js';

const tags = ['orders'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdempotencyHeaders = z.object({
  /** a retried submit with the same key answers the order already made (200) */
  'idempotency-key': z.string().trim().min(1).max(100).optional(),
});

/** Placing service orders (工单) and moving them through the state machine. */
export function orderRoutes({ pii }: { pii: Pii }): FastifyPluginAsyncZod {
  return async (app) => {
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
          ctx: req.ctx as AuthedCtx,
          pii,
          input: req.body,
          idempotencyKey: req.headers['idempotency-key'] ?? null,
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
      async (req) => moveOrder({ ctx: req.ctx as AuthedCtx, pii, input: { ...req.body, id: req.params.id } }),
    );
  };
}
