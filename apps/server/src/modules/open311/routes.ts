import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleRoutes } from '../module.js';
import { discoveryOf } from './discovery.js';
import { parseForm, parsePostBody } from './input.js';
import { FORMATS, installNoStore, installO311Errors, sendO311 } from './respond.js';
import { getO311Request } from './verbs/get-o311-request.js';
import { getO311ServiceDefinition } from './verbs/get-o311-service-definition.js';
import { getO311Token } from './verbs/get-o311-token.js';
import { listO311Requests } from './verbs/list-o311-requests.js';
import { listO311Services } from './verbs/list-o311-services.js';
import { listO311Updates } from './verbs/list-o311-updates.js';
import { placeOpen311Request } from './verbs/place-o311-request.js';
import {
  O311Created,
  O311Discovery,
  O311Errors,
  O311Request,
  O311RequestQuery,
  O311Service,
  O311ServiceDefinition,
  O311Tokens,
  O311Update,
  O311UpdatesQuery,
} from './wire.js';

const tags = ['open311'];
const errors = { 400: O311Errors, 403: O311Errors, 404: O311Errors };
const KeyQuery = z.object({ api_key: z.string().optional(), jurisdiction_id: z.string().optional() });

/**
 * Open311 GeoReport v2 under /open311/v2, every endpoint as .json and .xml. Reads without api_key see the whole
 * installation (public data); with one, the key's street. POST needs a live key and lands in its community.
 */
const geoReport: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
    done(null, parseForm(String(body))),
  );

  for (const fmt of FORMATS) {
    const summary = (s: string) => `${s} (${fmt.toUpperCase()})`;
    app.get(
      `/discovery.${fmt}`,
      { schema: { tags, summary: summary('Open311 discovery'), response: { 200: O311Discovery } } },
      async (req, reply) => sendO311(reply, fmt, 'discovery', discoveryOf(req)),
    );
    app.get(
      `/services.${fmt}`,
      {
        schema: { tags, summary: summary('Active services'), querystring: KeyQuery, response: { 200: z.array(O311Service), ...errors } },
      },
      async (req, reply) =>
        sendO311(reply, fmt, 'services', await listO311Services({ ctx: req.ctx, input: { apiKey: req.query.api_key } })),
    );
    app.get(
      `/services/:service_code.${fmt}`,
      {
        schema: {
          tags,
          summary: summary('Service definition: the custom attributes of a service'),
          params: z.object({ service_code: z.string() }),
          querystring: KeyQuery,
          response: { 200: O311ServiceDefinition, ...errors },
        },
      },
      async (req, reply) => {
        const input = { apiKey: req.query.api_key, serviceCode: req.params.service_code };
        return sendO311(reply, fmt, 'service_definition', await getO311ServiceDefinition({ ctx: req.ctx, input }));
      },
    );
    app.post(
      `/requests.${fmt}`,
      {
        schema: {
          tags,
          summary: summary('Create a service request (form-encoded or JSON; api_key required)'),
          querystring: KeyQuery,
          response: { 200: O311Created, ...errors },
        },
      },
      async (req, reply) => {
        const input = parsePostBody(req.body);
        const created = await placeOpen311Request({
          ctx: req.ctx,
          input: { ...input, api_key: input.api_key || req.query.api_key },
        });
        return sendO311(reply, fmt, 'service_requests', created);
      },
    );
    app.get(
      `/requests.${fmt}`,
      {
        schema: {
          tags,
          summary: summary('Service requests: last 90 days by default, at most 1000, page/page_size'),
          querystring: O311RequestQuery,
          response: { 200: z.array(O311Request), ...errors },
        },
      },
      async (req, reply) => sendO311(reply, fmt, 'service_requests', await listO311Requests({ ctx: req.ctx, input: req.query })),
    );
    app.get(
      `/requests/:service_request_id.${fmt}`,
      {
        schema: {
          tags,
          summary: summary('One service request, as a one-element list'),
          params: z.object({ service_request_id: z.string() }),
          querystring: KeyQuery,
          response: { 200: z.array(O311Request), ...errors },
        },
      },
      async (req, reply) => {
        const input = { apiKey: req.query.api_key, id: req.params.service_request_id };
        return sendO311(reply, fmt, 'service_requests', await getO311Request({ ctx: req.ctx, input }));
      },
    );
    app.get(
      `/tokens/:token.${fmt}`,
      {
        schema: {
          tags,
          summary: summary('The service request id of a token'),
          params: z.object({ token: z.string() }),
          querystring: KeyQuery,
          response: { 200: O311Tokens, ...errors },
        },
      },
      async (req, reply) => {
        const input = { apiKey: req.query.api_key, token: req.params.token };
        return sendO311(reply, fmt, 'service_requests', await getO311Token({ ctx: req.ctx, input }));
      },
    );
    app.get(
      `/servicerequestupdates.${fmt}`,
      {
        schema: {
          tags,
          summary: summary('Status changes in a time window (FixMyStreet extension; last 24 hours by default, at most 90 days)'),
          querystring: O311UpdatesQuery,
          response: { 200: z.array(O311Update), ...errors },
        },
      },
      async (req, reply) => sendO311(reply, fmt, 'service_requests_updates', await listO311Updates({ ctx: req.ctx, input: req.query })),
    );
  }
};

/** Everything under /open311 answers in GeoReport's error shape, unknown paths included; request data is never cached. */
const open311: FastifyPluginAsyncZod = async (app) => {
  installO311Errors(app);
  installNoStore(app);
  await app.register(geoReport, { prefix: '/v2' });
};

/** Open311 GeoReport v2 (the console's key management is routes-keys.ts). */
export const open311Routes: ModuleRoutes = () => async (app) => {
  await app.register(open311, { prefix: '/open311' });
};
