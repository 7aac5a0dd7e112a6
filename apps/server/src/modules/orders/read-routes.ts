import {
  CommentInput,
  DuplicateList,
  DuplicateQuery,
  ErrorBody,
  HandlerSuggestions,
  IdParam,
  OrderDto,
  OrderCounts,
  OrderCountsQuery,
  OrderList,
  OrderListQuery,
  OrderSettingsDto,
  OrderSettingsInput,
  TimelineDto,
  TimelineEntry,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuthedCtx } from '../../core/context.js';
import type { Pii } from '../../core/pii.js';
import { requireSession } from '../auth/plugin.js';
import { commentOrder } from './comments.js';
import { listIntakeDuplicates, listOrderDuplicates } from './duplicates.js';
import { countOrders, listOrders } from './list-service.js';
import { getOrder } from './read-service.js';
import { getOrderSettings, updateOrderSettings } from './settings.js';
import { suggestHandlers } from './suggestions.js';
import { getOrderTimeline } from './timeline.js';

const tags = ['orders'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Reading orders: the desk queue, workbenches, my orders, one order, its timeline and comments, 并单 and dispatch hints. */
export function orderReadRoutes({ pii }: { pii: Pii }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', requireSession);
    const ctxOf = (req: { ctx: unknown }) => req.ctx as AuthedCtx;

    app.get(
      '/api/orders',
      {
        schema: {
          tags,
          summary: 'Orders by view: desk queue, handler workbench, mine, or all in scope',
          querystring: OrderListQuery,
          response: { 200: OrderList, ...errors },
        },
      },
      async (req) => listOrders({ ctx: ctxOf(req), input: req.query }),
    );
    app.get(
      '/api/orders/counts',
      {
        schema: {
          tags,
          summary: "Counts per status and of late orders for the desk's or the workbench's tabs",
          querystring: OrderCountsQuery,
          response: { 200: OrderCounts, ...errors },
        },
      },
      async (req) => countOrders({ ctx: ctxOf(req), input: req.query }),
    );
    app.get(
      '/api/orders/duplicates',
      {
        schema: {
          tags,
          summary: 'Open orders like the one being placed (并单 candidates at intake)',
          querystring: DuplicateQuery,
          response: { 200: DuplicateList, ...errors },
        },
      },
      async (req) => listIntakeDuplicates({ ctx: ctxOf(req), input: req.query }),
    );
    app.get(
      '/api/orders/:id',
      {
        schema: {
          tags,
          summary: 'One order with its clock and the moves available to me',
          params: IdParam,
          response: { 200: OrderDto, ...errors },
        },
      },
      async (req) => getOrder({ ctx: ctxOf(req), input: { id: req.params.id }, pii }),
    );
    app.get(
      '/api/orders/:id/timeline',
      {
        schema: {
          tags,
          summary: "An order's events and comments, oldest first",
          params: IdParam,
          response: { 200: TimelineDto, ...errors },
        },
      },
      async (req) => getOrderTimeline({ ctx: ctxOf(req), input: { id: req.params.id } }),
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
        return commentOrder({ ctx: ctxOf(req), input: { ...req.body, orderId: req.params.id } });
      },
    );
    app.get(
      '/api/orders/:id/duplicates',
      {
        schema: {
          tags,
          summary: 'Open orders like this one (并单 candidates at dispatch)',
          params: IdParam,
          response: { 200: DuplicateList, ...errors },
        },
      },
      async (req) => listOrderDuplicates({ ctx: ctxOf(req), input: { id: req.params.id } }),
    );
    app.get(
      '/api/orders/:id/handler-suggestions',
      {
        schema: {
          tags,
          summary: 'Where to dispatch: the catalogue default and recent routing',
          params: IdParam,
          response: { 200: HandlerSuggestions, ...errors },
        },
      },
      async (req) => suggestHandlers({ ctx: ctxOf(req), input: { id: req.params.id } }),
    );
    app.get(
      '/api/communities/:id/order-settings',
      { schema: { tags, summary: "A community's order settings", params: IdParam, response: { 200: OrderSettingsDto, ...errors } } },
      async (req) => getOrderSettings({ ctx: ctxOf(req), input: { communityId: req.params.id } }),
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
      async (req) => updateOrderSettings({ ctx: ctxOf(req), input: { ...req.body, communityId: req.params.id } }),
    );
  };
}
