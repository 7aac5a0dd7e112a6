import {
  AssignPostInput,
  CoverageDto,
  CoverageQuery,
  CreateDutyLogInput,
  CreatePostInput,
  DutyLogDto,
  DutyLogListDto,
  ErrorBody,
  IdParam,
  MoveHolderInput,
  MyPostsDto,
  PostDto,
  PostListDto,
  PostListQuery,
  UpdatePostInput,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { assignPost } from './verbs/assign-post.js';
import { claimPost } from './verbs/claim-post.js';
import { createDutyLog } from './verbs/create-duty-log.js';
import { createPost } from './verbs/create-post.js';
import { getPostCoverage } from './verbs/get-post-coverage.js';
import { listDutyLogs } from './verbs/list-duty-logs.js';
import { listMyPosts } from './verbs/list-my-posts.js';
import { listPosts } from './verbs/list-posts.js';
import { movePostHolder } from './verbs/move-post-holder.js';
import { updatePost } from './verbs/update-post.js';

const tags = ['posts'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** 设岗定责: posts with duties, claims and holdings, duty logs and coverage. */
export const postRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/posts',
    {
      schema: { tags, summary: 'Posts in scope with their holders', querystring: PostListQuery, response: { 200: PostListDto, ...errors } },
    },
    async (req) => listPosts({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/posts/mine',
    {
      schema: {
        tags,
        summary: "The signed-in member's posts and the open ones of their community",
        response: { 200: MyPostsDto, ...errors },
      },
    },
    async (req) => listMyPosts({ ctx: req.auth, input: undefined }),
  );
  app.get(
    '/api/posts/coverage',
    {
      schema: {
        tags,
        summary: 'Who holds what and where; uncovered grids and buildings',
        querystring: CoverageQuery,
        response: { 200: CoverageDto, ...errors },
      },
    },
    async (req) => getPostCoverage({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/posts',
    { schema: { tags, summary: 'Define a post on an area with its duties', body: CreatePostInput, response: { 201: PostDto, ...errors } } },
    async (req, reply) => reply.code(201).send(await createPost({ ctx: req.auth, input: req.body })),
  );
  app.patch(
    '/api/posts/:id',
    {
      schema: {
        tags,
        summary: 'Change or switch off a post',
        params: IdParam,
        body: UpdatePostInput,
        response: { 200: PostDto, ...errors },
      },
    },
    async (req) => updatePost({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/posts/:id/claim',
    { schema: { tags, summary: 'Claim a post (a party member of its community)', params: IdParam, response: { 200: PostDto, ...errors } } },
    async (req) => claimPost({ ctx: req.auth, input: { id: req.params.id } }),
  );
  app.post(
    '/api/posts/:id/holders',
    {
      schema: {
        tags,
        summary: 'Assign an open post (held at once)',
        params: IdParam,
        body: AssignPostInput,
        response: { 200: PostDto, ...errors },
      },
    },
    async (req) => assignPost({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.post(
    '/api/post-holders/:id/moves',
    {
      schema: {
        tags,
        summary: 'Confirm, reject, withdraw or end a holding',
        params: IdParam,
        body: MoveHolderInput,
        response: { 200: PostDto, ...errors },
      },
    },
    async (req) => movePostHolder({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
  app.get(
    '/api/post-holders/:id/logs',
    { schema: { tags, summary: "A holding's duty log", params: IdParam, response: { 200: DutyLogListDto, ...errors } } },
    async (req) => listDutyLogs({ ctx: req.auth, input: { holderId: req.params.id } }),
  );
  app.post(
    '/api/post-holders/:id/logs',
    {
      schema: {
        tags,
        summary: 'Record what was done on a held post',
        params: IdParam,
        body: CreateDutyLogInput,
        response: { 201: DutyLogDto, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createDutyLog({ ctx: req.auth, input: { ...req.body, holderId: req.params.id } })),
  );
};
