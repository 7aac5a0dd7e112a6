import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import {
  AssignEvaluatorInput,
  EvaluatorOptionsDto,
  EvidenceUploadQuery,
  ProjectDto,
  ProjectItemParams,
  ProjectParams,
  SubmitEvaluationInput,
} from '@linli/contracts';
import { z } from 'zod';
import { receiveImage } from '../attachments/receive.js';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { EVIDENCE_MAX_BYTES } from './evidence-file.js';
import { errors, tags } from './routes.js';
import { assignProjectEvaluator } from './verbs/assign-evaluator.js';
import { listEvaluatorOptions } from './verbs/list-evaluator-options.js';
import { removeProjectEvaluator } from './verbs/remove-evaluator.js';
import { readEvidenceContent } from './verbs/read-evidence-content.js';
import { reopenEvaluation } from './verbs/reopen-evaluation.js';
import { submitEvaluation } from './verbs/submit-evaluation.js';
import { uploadEvidence } from './verbs/upload-evidence.js';

const FileBody = z
  .custom<Readable>((v) => typeof v === 'object' && v !== null && 'pipe' in v)
  .meta({ type: 'string', format: 'binary', description: 'a PDF or image' });
const created = { 201: ProjectDto, ...errors };

/** Evidence files and third-party evaluation (第三方评估) of service projects. */
export const projectEvaluationRoutes: ModuleRoutes =
  ({ storage }) =>
  async (app) => {
    await app.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 2, fieldSize: 1024 } });
    app.addHook('onRequest', requireSession);
    app.post(
      '/api/projects/:id/evidence',
      {
        schema: {
          tags,
          summary: 'Upload an evidence file (multipart field `file`; PDF, JPEG, PNG or WebP, at most 10 MiB)',
          consumes: ['multipart/form-data'],
          params: ProjectParams,
          querystring: EvidenceUploadQuery,
          response: { ...created, 413: errors[400] },
        },
      },
      async (req, reply) => {
        const receive = () => receiveImage(req, EVIDENCE_MAX_BYTES, req.auth.locale);
        return reply
          .code(201)
          .send(await uploadEvidence({ ctx: req.auth, input: { projectId: req.params.id, title: req.query.title, storage, receive } }));
      },
    );
    app.get(
      '/api/projects/:id/evidence/:itemId/content',
      { schema: { tags, summary: 'An evidence file', params: ProjectItemParams, response: { 200: FileBody, ...errors } } },
      async (req, reply) => {
        const c = await readEvidenceContent({ ctx: req.auth, input: { projectId: req.params.id, evidenceId: req.params.itemId, storage } });
        return reply
          .type(c.contentType)
          .header('content-length', String(c.size))
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(c.name)}`)
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(c.stream);
      },
    );
    app.get(
      '/api/projects/:id/evaluator-options',
      {
        schema: {
          tags,
          summary: 'Evaluators who may be assigned',
          params: ProjectParams,
          response: { 200: EvaluatorOptionsDto, ...errors },
        },
      },
      async (req) => listEvaluatorOptions({ ctx: req.auth, input: { projectId: req.params.id } }),
    );
    app.post(
      '/api/projects/:id/evaluators',
      { schema: { tags, summary: 'Assign a third-party evaluator', params: ProjectParams, body: AssignEvaluatorInput, response: created } },
      async (req, reply) =>
        reply.code(201).send(await assignProjectEvaluator({ ctx: req.auth, input: { ...req.body, projectId: req.params.id } })),
    );
    app.delete(
      '/api/projects/:id/evaluators/:itemId',
      {
        schema: {
          tags,
          summary: 'Withdraw an evaluator (refused once they submitted)',
          params: ProjectItemParams,
          response: { 200: ProjectDto, ...errors },
        },
      },
      async (req) => removeProjectEvaluator({ ctx: req.auth, input: { projectId: req.params.id, userId: req.params.itemId } }),
    );
    app.post(
      '/api/projects/:id/evaluations',
      {
        schema: {
          tags,
          summary: 'Submit a scorecard (once; locked after)',
          params: ProjectParams,
          body: SubmitEvaluationInput,
          response: created,
        },
      },
      async (req, reply) =>
        reply.code(201).send(await submitEvaluation({ ctx: req.auth, input: { ...req.body, projectId: req.params.id } })),
    );
    app.post(
      '/api/projects/:id/evaluations/:itemId/reopen',
      {
        schema: {
          tags,
          summary: 'Reopen (supersede) a submitted evaluation',
          params: ProjectItemParams,
          response: { 200: ProjectDto, ...errors },
        },
      },
      async (req) => reopenEvaluation({ ctx: req.auth, input: { projectId: req.params.id, evaluationId: req.params.itemId } }),
    );
  };
