import {
  CreateHouseholdInput,
  ErrorBody,
  HistoryListDto,
  HouseholdDto,
  HouseholdListItem,
  HouseholdListQuery,
  IdParam,
  MoveInInput,
  MoveOutInput,
  RecordDeathInput,
  ResidentDto,
  ResidentSearchItem,
  ResidentSearchQuery,
  RevealDto,
  RevealInput,
  TransferHouseholdInput,
  UpdateHouseholdInput,
  UpdateResidentInput,
  paged,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AuthedCtx } from '../../core/context.js';
import type { Pii } from '../../core/pii.js';
import { requireSession } from '../auth/plugin.js';
import { getHousehold, getResident, householdHistory, listHouseholds, residentHistory, searchResidents } from './service-read.js';
import { createHousehold, moveOutHousehold, transferHousehold, updateHousehold } from './service-household.js';
import { moveInResident, moveOutResident, recordDeath, revealResident, updateResident } from './service-resident.js';

const readErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...readErrors, 409: ErrorBody };
const residentTags = ['registry: residents'];
const householdTags = ['registry: households'];

/** 一户一档: households and residents, with ID numbers and phones encrypted by `pii` and masked in every answer. */
export function registryRoutes({ pii }: { pii: Pii }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', requireSession);
    const ctxOf = (req: { ctx: unknown }) => req.ctx as AuthedCtx;

    app.get(
      '/api/residents',
      {
        schema: {
          tags: residentTags,
          summary: 'Search residents: name, pinyin initials, phone or ID tail, full ID, address, tags, type, area, age',
          querystring: ResidentSearchQuery,
          response: { 200: paged(ResidentSearchItem), ...readErrors },
        },
      },
      async (req) => searchResidents({ ctx: ctxOf(req), pii, input: req.query }),
    );
    app.get(
      '/api/residents/:id',
      { schema: { tags: residentTags, summary: 'One resident', params: IdParam, response: { 200: ResidentSearchItem, ...readErrors } } },
      async (req) => getResident({ ctx: ctxOf(req), pii, id: req.params.id }),
    );
    app.patch(
      '/api/residents/:id',
      {
        schema: {
          tags: residentTags,
          summary: 'Edit a resident',
          params: IdParam,
          body: UpdateResidentInput,
          response: { 200: ResidentDto, ...writeErrors },
        },
      },
      async (req) => updateResident({ ctx: ctxOf(req), pii, id: req.params.id, input: req.body }),
    );
    app.post(
      '/api/residents/:id/move-out',
      {
        schema: {
          tags: residentTags,
          summary: 'A resident moves out (迁出)',
          params: IdParam,
          body: MoveOutInput,
          response: { 200: ResidentDto, ...writeErrors },
        },
      },
      async (req) => moveOutResident({ ctx: ctxOf(req), pii, id: req.params.id, input: req.body }),
    );
    app.post(
      '/api/residents/:id/death',
      {
        schema: {
          tags: residentTags,
          summary: 'Record a death',
          params: IdParam,
          body: RecordDeathInput,
          response: { 200: ResidentDto, ...writeErrors },
        },
      },
      async (req) => recordDeath({ ctx: ctxOf(req), pii, id: req.params.id, input: req.body }),
    );
    app.post(
      '/api/residents/:id/reveal',
      {
        schema: {
          tags: residentTags,
          summary: 'Show the ID number or phone in full (pii.reveal; audited with the reason)',
          params: IdParam,
          body: RevealInput,
          response: { 200: RevealDto, ...readErrors },
        },
      },
      async (req) => revealResident({ ctx: ctxOf(req), pii, id: req.params.id, input: req.body }),
    );
    app.get(
      '/api/residents/:id/history',
      {
        schema: {
          tags: residentTags,
          summary: "A resident's change history",
          params: IdParam,
          response: { 200: HistoryListDto, ...readErrors },
        },
      },
      async (req) => residentHistory({ ctx: ctxOf(req), id: req.params.id }),
    );

    app.get(
      '/api/households',
      {
        schema: {
          tags: householdTags,
          summary: 'List households: area, tags, tenure, status, address',
          querystring: HouseholdListQuery,
          response: { 200: paged(HouseholdListItem), ...readErrors },
        },
      },
      async (req) => listHouseholds({ ctx: ctxOf(req), input: req.query }),
    );
    app.get(
      '/api/households/:id',
      {
        schema: {
          tags: householdTags,
          summary: 'One household with its members',
          params: IdParam,
          response: { 200: HouseholdDto, ...readErrors },
        },
      },
      async (req) => getHousehold({ ctx: ctxOf(req), pii, id: req.params.id }),
    );
    app.post(
      '/api/households',
      {
        schema: {
          tags: householdTags,
          summary: 'Register a household in a flat, with its members',
          body: CreateHouseholdInput,
          response: { 201: HouseholdDto, ...writeErrors },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return createHousehold({ ctx: ctxOf(req), pii, input: req.body });
      },
    );
    app.patch(
      '/api/households/:id',
      {
        schema: {
          tags: householdTags,
          summary: 'Change tenure or tags',
          params: IdParam,
          body: UpdateHouseholdInput,
          response: { 200: HouseholdDto, ...writeErrors },
        },
      },
      async (req) => updateHousehold({ ctx: ctxOf(req), pii, id: req.params.id, input: req.body }),
    );
    app.post(
      '/api/households/:id/members',
      {
        schema: {
          tags: householdTags,
          summary: 'A person moves into the household (迁入)',
          params: IdParam,
          body: MoveInInput,
          response: { 201: HouseholdDto, ...writeErrors },
        },
      },
      async (req, reply) => {
        reply.status(201);
        return moveInResident({ ctx: ctxOf(req), pii, id: req.params.id, input: req.body });
      },
    );
    app.post(
      '/api/households/:id/move-out',
      {
        schema: {
          tags: householdTags,
          summary: 'The whole household moves out',
          params: IdParam,
          body: MoveOutInput,
          response: { 200: HouseholdDto, ...writeErrors },
        },
      },
      async (req) => moveOutHousehold({ ctx: ctxOf(req), pii, id: req.params.id, input: req.body }),
    );
    app.post(
      '/api/households/:id/transfer',
      {
        schema: {
          tags: householdTags,
          summary: 'The household moves to another flat (转移)',
          params: IdParam,
          body: TransferHouseholdInput,
          response: { 200: HouseholdDto, ...writeErrors },
        },
      },
      async (req) => transferHousehold({ ctx: ctxOf(req), pii, id: req.params.id, input: req.body }),
    );
    app.get(
      '/api/households/:id/history',
      {
        schema: {
          tags: householdTags,
          summary: "A household's change history, its members' included",
          params: IdParam,
          response: { 200: HistoryListDto, ...readErrors },
        },
      },
      async (req) => householdHistory({ ctx: ctxOf(req), id: req.params.id }),
    );
  };
}
