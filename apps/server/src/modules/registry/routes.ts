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
  ResidentSearchPage,
  ResidentSearchQuery,
  RevealDto,
  RevealInput,
  TransferHouseholdInput,
  UpdateHouseholdInput,
  UpdateResidentInput,
  paged,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { createHousehold } from './verbs/create-household.js';
import { getHousehold } from './verbs/get-household.js';
import { getResident } from './verbs/get-resident.js';
import { listHouseholdHistory } from './verbs/list-household-history.js';
import { listHouseholds } from './verbs/list-households.js';
import { listResidentHistory } from './verbs/list-resident-history.js';
import { moveInResident } from './verbs/move-in-resident.js';
import { moveOutHousehold } from './verbs/move-out-household.js';
import { moveOutResident } from './verbs/move-out-resident.js';
import { recordResidentDeath } from './verbs/record-resident-death.js';
import { revealResident } from './verbs/reveal-resident.js';
import { searchResidents } from './verbs/search-residents.js';
import { transferHousehold } from './verbs/transfer-household.js';
import { updateHousehold } from './verbs/update-household.js';
import { updateResident } from './verbs/update-resident.js';

const readErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...readErrors, 409: ErrorBody };
const residentTags = ['registry: residents'];
const householdTags = ['registry: households'];

/** 一户一档: households and residents, with ID numbers and phones encrypted (`ctx.pii`) and masked in every answer. */
export const registryRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/residents',
    {
      schema: {
        tags: residentTags,
        summary: 'Search residents: name, pinyin initials, phone or ID tail, full ID, address, tags, type, area, age',
        querystring: ResidentSearchQuery,
        response: { 200: ResidentSearchPage, ...readErrors },
      },
    },
    async (req) => searchResidents({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/residents/:id',
    { schema: { tags: residentTags, summary: 'One resident', params: IdParam, response: { 200: ResidentSearchItem, ...readErrors } } },
    async (req) => getResident({ ctx: req.auth, input: { residentId: req.params.id } }),
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
    async (req) => updateResident({ ctx: req.auth, input: { ...req.body, residentId: req.params.id } }),
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
    async (req) => moveOutResident({ ctx: req.auth, input: { ...req.body, residentId: req.params.id } }),
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
    async (req) => recordResidentDeath({ ctx: req.auth, input: { ...req.body, residentId: req.params.id } }),
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
    async (req) => revealResident({ ctx: req.auth, input: { ...req.body, residentId: req.params.id } }),
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
    async (req) => listResidentHistory({ ctx: req.auth, input: { residentId: req.params.id } }),
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
    async (req) => listHouseholds({ ctx: req.auth, input: req.query }),
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
    async (req) => getHousehold({ ctx: req.auth, input: { householdId: req.params.id } }),
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
      return createHousehold({ ctx: req.auth, input: req.body });
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
    async (req) => updateHousehold({ ctx: req.auth, input: { ...req.body, householdId: req.params.id } }),
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
      return moveInResident({ ctx: req.auth, input: { ...req.body, householdId: req.params.id } });
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
    async (req) => moveOutHousehold({ ctx: req.auth, input: { ...req.body, householdId: req.params.id } }),
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
    async (req) => transferHousehold({ ctx: req.auth, input: { ...req.body, householdId: req.params.id } }),
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
    async (req) => listHouseholdHistory({ ctx: req.auth, input: { householdId: req.params.id } }),
  );
};
