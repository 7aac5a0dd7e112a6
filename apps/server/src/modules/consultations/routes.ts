import {
  BallotInput,
  BallotList,
  ErrorBody,
  IdParam,
  OwnerRecordDto,
  OwnerRecordInput,
  VoteTopicDto,
  VoteTopicInput,
  VoteTopicList,
  VoteTopicQuery,
  VoterPartList,
  VoterPartsQuery,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { castVote } from './verbs/cast-vote.js';
import { createConsultation } from './verbs/create-consultation.js';
import { getConsultation } from './verbs/get-consultation.js';
import { listBallots } from './verbs/list-ballots.js';
import { listConsultationsInScope } from './verbs/list-consultations.js';
import { listVoterParts } from './verbs/list-voter-parts.js';
import { publishConsultation } from './verbs/publish-consultation.js';
import { recordOwner } from './verbs/record-owner.js';

const tags = ['consultations'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const topic = { 200: VoteTopicDto, ...errors };

/** 议事协商: topics put to households or representatives, votes from every channel, published results. */
export const consultationRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/consultations',
    {
      schema: {
        tags,
        summary: 'Consultations in scope, or put to my household',
        querystring: VoteTopicQuery,
        response: { 200: VoteTopicList, ...errors },
      },
    },
    async (req) => listConsultationsInScope({ ctx: req.auth, input: req.query }),
  );
  app.post('/api/consultations', { schema: { tags, summary: 'Open a consultation', body: VoteTopicInput, response: topic } }, async (req) =>
    createConsultation({ ctx: req.auth, input: req.body }),
  );
  app.get(
    '/api/consultations/:id',
    { schema: { tags, summary: 'A consultation with participation and (where visible) the tally', params: IdParam, response: topic } },
    async (req) => getConsultation({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/consultations/:id/votes',
    { schema: { tags, summary: 'Vote online, or record an in-person or paper vote', params: IdParam, body: BallotInput, response: topic } },
    async (req) => castVote({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.get(
    '/api/consultations/:id/parts',
    {
      schema: {
        tags,
        summary: "Owners' votes: the flats the voter's household owns here, each with whether it voted",
        params: IdParam,
        querystring: VoterPartsQuery,
        response: { 200: VoterPartList, ...errors },
      },
    },
    async (req) => listVoterParts({ ctx: req.auth, input: { ...req.query, id: req.params.id } }),
  );
  app.get(
    '/api/consultations/:id/votes',
    {
      schema: { tags, summary: 'The votes with their channels (voters masked)', params: IdParam, response: { 200: BallotList, ...errors } },
    },
    async (req) => listBallots({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/consultations/:id/publish',
    { schema: { tags, summary: 'Publish the results after closing', params: IdParam, response: topic } },
    async (req) => publishConsultation({ ctx: req.auth, input: req.params }),
  );
  app.put(
    '/api/consultations/owners/:id',
    {
      schema: {
        tags,
        summary: "Register a resident's household as the owner of its flat, with the floor area (owners' votes)",
        params: IdParam,
        body: OwnerRecordInput,
        response: { 200: OwnerRecordDto, ...errors },
      },
    },
    async (req) => recordOwner({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
};
