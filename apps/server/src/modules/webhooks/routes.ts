import {
  CreateWebhookInput,
  CreatedWebhook,
  ErrorBody,
  IdParam,
  OkBody,
  UpdateWebhookInput,
  WebhookDeliveryDto,
  WebhookDeliveryList,
  WebhookDto,
  WebhookList,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { createWebhook } from './verbs/create-webhook.js';
import { deleteWebhook } from './verbs/delete-webhook.js';
import { listWebhookDeliveries } from './verbs/list-webhook-deliveries.js';
import { listWebhooks } from './verbs/list-webhooks.js';
import { testWebhook } from './verbs/test-webhook.js';
import { updateWebhook } from './verbs/update-webhook.js';

const tags = ['webhooks'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Console management of signed order-event webhooks (docs/WEBHOOKS.md). */
export const webhookRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/webhooks',
    { schema: { tags, summary: 'Webhooks of the areas I manage', response: { 200: WebhookList, ...errors } } },
    async (req) => listWebhooks({ ctx: req.auth, input: undefined }),
  );
  app.post(
    '/api/webhooks',
    {
      schema: {
        tags,
        summary: 'Create a webhook; its signing secret is shown only in this answer',
        body: CreateWebhookInput,
        response: { 201: CreatedWebhook, ...errors },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return createWebhook({ ctx: req.auth, input: req.body });
    },
  );
  app.patch(
    '/api/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook (name, url, events, active)',
        params: IdParam,
        body: UpdateWebhookInput,
        response: { 200: WebhookDto, ...errors },
      },
    },
    async (req) => updateWebhook({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.delete(
    '/api/webhooks/:id',
    { schema: { tags, summary: 'Delete a webhook', params: IdParam, response: { 200: OkBody, ...errors } } },
    async (req) => deleteWebhook({ ctx: req.auth, input: req.params }),
  );
  app.get(
    '/api/webhooks/:id/deliveries',
    { schema: { tags, summary: 'Recent deliveries of a webhook', params: IdParam, response: { 200: WebhookDeliveryList, ...errors } } },
    async (req) => listWebhookDeliveries({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/webhooks/:id/test',
    { schema: { tags, summary: 'Send a signed ping now', params: IdParam, response: { 200: WebhookDeliveryDto, ...errors } } },
    async (req) => testWebhook({ ctx: req.auth, input: req.params }),
  );
};
