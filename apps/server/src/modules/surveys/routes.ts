import {
  ErrorBody,
  IdParam,
  SurveyAnswerInput,
  SurveyDto,
  SurveyInput,
  SurveyList,
  SurveyQuery,
  SurveyRanking,
  SurveyRankingQuery,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { answerSurvey } from './verbs/answer-survey.js';
import { createSurvey } from './verbs/create-survey.js';
import { getSurvey } from './verbs/get-survey.js';
import { listSurveysInScope } from './verbs/list-surveys.js';
import { rankSurveysInScope } from './verbs/rank-surveys.js';

const tags = ['surveys'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const survey = { 200: SurveyDto, ...errors };

/** 物业质量测评: periodic surveys of each compound's property company, scored with its orders' satisfaction and ranked. */
export const surveyRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/surveys',
    {
      schema: {
        tags,
        summary: 'Property surveys in scope, or of my compound',
        querystring: SurveyQuery,
        response: { 200: SurveyList, ...errors },
      },
    },
    async (req) => listSurveysInScope({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/surveys',
    { schema: { tags, summary: "Open a period's property survey of a compound", body: SurveyInput, response: survey } },
    async (req) => createSurvey({ ctx: req.auth, input: req.body }),
  );
  app.get(
    '/api/surveys/ranking',
    {
      schema: {
        tags,
        summary: 'Compounds ranked by combined score, and their scores over time',
        querystring: SurveyRankingQuery,
        response: { 200: SurveyRanking, ...errors },
      },
    },
    async (req) => rankSurveysInScope({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/surveys/:id',
    { schema: { tags, summary: 'A survey with (for readers) its score', params: IdParam, response: survey } },
    async (req) => getSurvey({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/surveys/:id/answers',
    {
      schema: {
        tags,
        summary: "Answer online, or record a household's paper or in-person answer",
        params: IdParam,
        body: SurveyAnswerInput,
        response: survey,
      },
    },
    async (req) => answerSurvey({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
};
