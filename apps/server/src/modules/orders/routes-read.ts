import {
  DuplicateList,
  DuplicateQuery,
  ErrorBody,
  HandlerSuggestions,
  IdParam,
  OrderCounts,
  OrderCountsQuery,
  OrderDto,
  OrderList,
  OrderListQuery,
  OrderSettingsDto,
  TimelineDto,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { countOrders } from './verbs/count-orders.js';
import { getOrder } from './verbs/get-order.js';
import { getOrderSettings } from './verbs/get-order-settings.js';
import { getOrderTimeline } from './verbs/get-order-timeline.js';
import { listIntakeDuplicates } from './verbs/list-intake-duplicates.js';
import { listOrderDuplicates } from './verbs/list-order-duplicates.js';
import { listOrders } from './verbs/list-orders.js';
import { suggestHandlers } from './verbs/suggest-handlers.js';

const tags = ['orders'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Reading orders: the desk queue, workbenches, my orders, one order, its timeline, 并单 and dispatch hints, settings. */
export const orderReadRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/orders',
    {
      schema: {
        tags,
        summary: 'Orders by view: desk queue, handler workbench, mine, all in scope, or the closing queue (结案)',
        querystring: OrderListQuery,
        response: { 200: OrderList, ...errors },
      },
    },
    async (req) => listOrders({ ctx: req.auth, input: req.query }),
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
    async (req) => countOrders({ ctx: req.auth, input: req.query }),
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
    async (req) => listIntakeDuplicates({ ctx: req.auth, input: req.query }),
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
    async (req) => getOrder({ ctx: req.auth, input: { id: req.params.id } }),
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
    async (req) => getOrderTimeline({ ctx: req.auth, input: { id: req.params.id } }),
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
    async (req) => listOrderDuplicates({ ctx: req.auth, input: { id: req.params.id } }),
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
    async (req) => suggestHandlers({ ctx: req.auth, input: { id: req.params.id } }),
  );
  app.get(
    '/api/communities/:id/order-settings',
    { schema: { tags, summary: "A community's order settings", params: IdParam, response: { 200: OrderSettingsDto, ...errors } } },
    async (req) => getOrderSettings({ ctx: req.auth, input: { communityId: req.params.id } }),
  );
};
