import { CareTagDto, CareTagInput, CareTagListDto, CareTagParams, CareTagQuery, ErrorBody } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { listCareTags } from './verbs/list-care-tags.js';
import { setCareTag } from './verbs/set-care-tag.js';

const tags = ['care-tags'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** 关爱标签: the defaults of contracts merged with each community's own settings. */
export const careTagRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/care-tags',
    {
      schema: {
        tags,
        summary: "A community's care tags (defaults merged with its settings)",
        querystring: CareTagQuery,
        response: { 200: CareTagListDto, ...errors },
      },
    },
    async (req) => listCareTags({ ctx: req.auth, input: req.query }),
  );
  app.put(
    '/api/care-tags/:code',
    {
      schema: {
        tags,
        summary: "Change a care tag for a community, or add the community's own",
        params: CareTagParams,
        querystring: CareTagQuery,
        body: CareTagInput,
        response: { 200: CareTagDto, ...errors },
      },
    },
    async (req) => setCareTag({ ctx: req.auth, input: { ...req.body, code: req.params.code, communityId: req.query.communityId } }),
  );
};
