import { CreateUserInput, ErrorBody, IdParam, UpdateUserInput, UserDto, UserListQuery, paged } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { createUser } from './verbs/create-user.js';
import { getUser } from './verbs/get-user.js';
import { listUsers } from './verbs/list-users.js';
import { updateUser } from './verbs/update-user.js';

const tags = ['users'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** Staff accounts and their role assignments (用户与角色). */
export const usersRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);

  app.get(
    '/api/users',
    { schema: { tags, summary: 'Users in your scope', querystring: UserListQuery, response: { 200: paged(UserDto), ...errors } } },
    async (req) => listUsers({ ctx: req.auth, input: req.query }),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One user', params: IdParam, response: { 200: UserDto, ...errors } } },
    async (req) => getUser({ ctx: req.auth, input: req.params }),
  );
  app.post(
    '/api/users',
    { schema: { tags, summary: 'Create a user', body: CreateUserInput, response: { 201: UserDto, ...errors, 409: ErrorBody } } },
    async (req, reply) => {
      reply.status(201);
      return createUser({ ctx: req.auth, input: req.body });
    },
  );
  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit, deactivate, reset the password of or reassign a user',
        params: IdParam,
        body: UpdateUserInput,
        response: { 200: UserDto, ...errors, 409: ErrorBody },
      },
    },
    async (req) => updateUser({ ctx: req.auth, input: { ...req.body, id: req.params.id } }),
  );
};
