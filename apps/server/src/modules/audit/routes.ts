import { AuditEntryDto, AuditListQuery, ErrorBody, paged } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { listAuditEntries } from './verbs/list-audit-entries.js';

/** The audit log (审计日志): sign-ins, failures, reveals and every mutation. */
export const auditRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log in your scope, newest first',
        querystring: AuditListQuery,
        response: { 200: paged(AuditEntryDto), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => listAuditEntries({ ctx: req.auth, input: req.query }),
  );
};
