import os from 'node:os';
import path from 'node:path';
import multipart from '@fastify/multipart';
import { CommitImportInput, CreateImportQuery, DryRunImportInput, ErrorBody, IdParam, ImportDto } from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import { XLSX_TYPE, XlsxBody, attachment } from '../exports/xlsx-http.js';
import type { ModuleRoutes } from '../module.js';
import { type ImportSetup, type RunEnv, runClaimedJob } from './job-run.js';
import { createRunner } from './runner.js';
import { importsDir } from './stored-files.js';
import { buildTemplate } from './template.js';
import { receiveUpload } from './upload.js';
import { commitImport } from './verbs/commit-import.js';
import { createImport } from './verbs/create-import.js';
import { dryRunImport } from './verbs/dry-run-import.js';
import { getImport } from './verbs/get-import.js';
import { DEFAULT_XLSX_LIMITS } from './xlsx-guard.js';

const tags = ['imports'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 503: ErrorBody };

/**
 * Excel import of household registers: template, upload, background dry run and commit, progress. The verbs get
 * the uploads directory, limits and this server's runner inside their input (`setup`): runs are claimed from the
 * database, so any server runs them and a dead server's run is taken over (runner.ts).
 */
export const importRoutes: ModuleRoutes = (deps) => async (app) => {
  const limits = { ...DEFAULT_XLSX_LIMITS, ...deps.importLimits };
  const env: RunEnv = {
    db: deps.database.db,
    pii: deps.pii,
    dir: importsDir(deps.dataDir ?? path.join(os.tmpdir(), 'linli-data')),
    limits,
    log: (e) => app.log.error({ err: e }, 'import job failed'),
  };
  const runner = createRunner({ db: env.db, log: env.log, work: (job, runnerId, ctx) => runClaimedJob(env, job, runnerId, ctx) });
  const setup: ImportSetup = { dir: env.dir, limits, runner, log: env.log };
  await app.register(multipart, { limits: { fileSize: limits.maxFileBytes, files: 1, fields: 10, fieldSize: 1024 } });
  app.addHook('onRequest', requireSession);
  app.addHook('onClose', () => runner.stop());

  app.get(
    '/api/imports/template.xlsx',
    { schema: { tags, summary: 'The household register template (户籍登记表)', response: { 200: XlsxBody, 401: ErrorBody } } },
    async (_req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachment('register-template.xlsx', '户籍登记模板.xlsx'))
        .send(await buildTemplate()),
  );
  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Upload a register (multipart: file, communityId); answers its columns mapped automatically',
        consumes: ['multipart/form-data'],
        querystring: CreateImportQuery,
        response: { 201: ImportDto, 413: ErrorBody, ...errors },
      },
    },
    async (req, reply) => {
      const upload = await receiveUpload(req, setup.dir, limits.maxFileBytes, req.auth.locale);
      reply.status(201);
      return createImport({ ctx: req.auth, input: { upload, communityId: upload.fields.communityId ?? req.query.communityId, setup } });
    },
  );
  app.get(
    '/api/imports/:id',
    { schema: { tags, summary: 'An import with its progress and report', params: IdParam, response: { 200: ImportDto, ...errors } } },
    async (req) => getImport({ ctx: req.auth, input: { id: req.params.id, setup } }),
  );
  app.post(
    '/api/imports/:id/dry-run',
    {
      schema: {
        tags,
        summary: 'Check the register row by row in the background; nothing is written',
        params: IdParam,
        body: DryRunImportInput,
        response: { 200: ImportDto, ...errors },
      },
    },
    async (req) => dryRunImport({ ctx: req.auth, input: { ...req.body, id: req.params.id, setup } }),
  );
  app.post(
    '/api/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Import in the background: all or nothing, or only the valid rows',
        params: IdParam,
        body: CommitImportInput,
        response: { 200: ImportDto, ...errors },
      },
    },
    async (req) => commitImport({ ctx: req.auth, input: { ...req.body, id: req.params.id, setup } }),
  );
};
