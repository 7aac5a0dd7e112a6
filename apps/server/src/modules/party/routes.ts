import {
  CreatePartyMemberInput,
  CreatePartyOrgInput,
  ErrorBody,
  IdParam,
  MemberAccountInput,
  OkBody,
  PartyFiguresDto,
  PartyFiguresQuery,
  PartyMemberDto,
  PartyMemberListDto,
  PartyMemberListQuery,
  PartyOrgDto,
  PartyRevealDto,
  PartyResidentHitsDto,
  PartyResidentQuery,
  PartyRevealInput,
  PartyTreeDto,
  PartyTreeQuery,
  UpdatePartyMemberInput,
  UpdatePartyOrgInput,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { createPartyMember } from './verbs/create-party-member.js';
import { createPartyOrg } from './verbs/create-party-org.js';
import { deletePartyOrg } from './verbs/delete-party-org.js';
import { getPartyFigures } from './verbs/get-party-figures.js';
import { getOwnMembership } from './verbs/get-own-membership.js';
import { getPartyMember } from './verbs/get-party-member.js';
import { listPartyMembers } from './verbs/list-party-members.js';
import { listPartyTree } from './verbs/list-party-tree.js';
import { openMemberAccount } from './verbs/open-member-account.js';
import { revealPartyMember } from './verbs/reveal-party-member.js';
import { searchMemberResidents } from './verbs/search-member-residents.js';
import { updatePartyMember } from './verbs/update-party-member.js';
import { updatePartyOrg } from './verbs/update-party-org.js';

const tags = ['party'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** 党组织 and 党员: the party tree bound to the area tree, its members and their figures. */
export const partyRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/party/tree',
    {
      schema: {
        tags,
        summary: "A community's party tree with figures per organisation",
        querystring: PartyTreeQuery,
        response: { 200: PartyTreeDto, ...errors },
      },
    },
    async (req) => listPartyTree({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/party/orgs',
    { schema: { tags, summary: 'Add a party organisation', body: CreatePartyOrgInput, response: { 201: PartyOrgDto, ...errors } } },
    async (req, reply) => reply.code(201).send(await createPartyOrg({ ctx: req.auth, input: req.body })),
  );
  app.patch(
    '/api/party/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Rename, move or name the secretary of an organisation',
        params: IdParam,
        body: UpdatePartyOrgInput,
        response: { 200: PartyOrgDto, ...errors },
      },
    },
    async (req) => updatePartyOrg({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.delete(
    '/api/party/orgs/:id',
    { schema: { tags, summary: 'Remove an empty organisation', params: IdParam, response: { 200: OkBody, ...errors } } },
    async (req) => deletePartyOrg({ ctx: req.auth, input: { id: req.params.id } }),
  );
  app.get(
    '/api/party/members',
    {
      schema: {
        tags,
        summary: 'Party members in scope (personal data masked)',
        querystring: PartyMemberListQuery,
        response: { 200: PartyMemberListDto, ...errors },
      },
    },
    async (req) => listPartyMembers({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/party/residents',
    {
      schema: {
        tags,
        summary: 'Residents of a community to register as members (name, age, building)',
        querystring: PartyResidentQuery,
        response: { 200: PartyResidentHitsDto, ...errors },
      },
    },
    async (req) => searchMemberResidents({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/party/members/me',
    { schema: { tags, summary: "The caller's own membership", response: { 200: PartyMemberDto, ...errors } } },
    async (req) => getOwnMembership({ ctx: req.auth, input: {} }),
  );
  app.post(
    '/api/party/members/:id/reveal',
    {
      schema: {
        tags,
        summary: "Show a member's phone in full (pii.reveal; audited with the reason)",
        params: IdParam,
        body: PartyRevealInput,
        response: { 200: PartyRevealDto, ...errors },
      },
    },
    async (req) => revealPartyMember({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/party/members/:id/account',
    {
      schema: {
        tags,
        summary: 'Open a sign-in account for an in-service member reporting here',
        params: IdParam,
        body: MemberAccountInput,
        response: { 201: PartyMemberDto, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await openMemberAccount({ ctx: req.auth, input: { ...req.body, id: req.params.id } })),
  );
  app.get(
    '/api/party/members/:id',
    { schema: { tags, summary: 'One party member', params: IdParam, response: { 200: PartyMemberDto, ...errors } } },
    async (req) => getPartyMember({ ctx: req.auth, input: { id: req.params.id } }),
  );
  app.post(
    '/api/party/members',
    {
      schema: {
        tags,
        summary: 'Register a member or an in-service member reporting here',
        body: CreatePartyMemberInput,
        response: { 201: PartyMemberDto, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createPartyMember({ ctx: req.auth, input: req.body })),
  );
  app.patch(
    '/api/party/members/:id',
    {
      schema: {
        tags,
        summary: 'Change or end a membership',
        params: IdParam,
        body: UpdatePartyMemberInput,
        response: { 200: PartyMemberDto, ...errors },
      },
    },
    async (req) => updatePartyMember({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.get(
    '/api/party/figures',
    {
      schema: {
        tags,
        summary: 'Members by branch, age band and education; post coverage',
        querystring: PartyFiguresQuery,
        response: { 200: PartyFiguresDto, ...errors },
      },
    },
    async (req) => getPartyFigures({ ctx: req.auth, input: req.query }),
  );
};
