import {
  CreateProjectInput,
  ErrorBody,
  EvidenceNoteInput,
  KpiValueInput,
  MilestoneDoneInput,
  OrgProjectHistoryDto,
  ProjectDto,
  ProjectItemParams,
  ProjectLinkInput,
  ProjectLinkParams,
  ProjectListDto,
  ProjectListQuery,
  ProjectParams,
  ScorecardInput,
  UpdateProjectInput,
} from '@linli/contracts';
import { requireSession } from '../auth/plugin.js';
import type { ModuleRoutes } from '../module.js';
import { addEvidenceNote } from './verbs/add-evidence-note.js';
import { completeMilestone } from './verbs/complete-milestone.js';
import { createProject } from './verbs/create-project.js';
import { getProject } from './verbs/get-project.js';
import { linkProjectRecord } from './verbs/link-project-record.js';
import { listProjects } from './verbs/list-projects.js';
import { orgProjectHistory } from './verbs/org-project-history.js';
import { recordKpiValue } from './verbs/record-kpi-value.js';
import { unlinkProjectRecord } from './verbs/unlink-project-record.js';
import { updateProject } from './verbs/update-project.js';
import { setProjectScorecard } from './verbs/update-scorecard.js';

export const tags = ['projects'];
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const one = { 200: ProjectDto, ...errors };
const created = { 201: ProjectDto, ...errors };

/** 政府购买服务: the projects a street or community bought, their milestones, KPIs and evidence. */
export const projectRoutes: ModuleRoutes = () => async (app) => {
  app.addHook('onRequest', requireSession);
  app.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'Service projects in scope (an evaluator: those assigned)',
        querystring: ProjectListQuery,
        response: { 200: ProjectListDto, ...errors },
      },
    },
    async (req) => listProjects({ ctx: req.auth, input: req.query }),
  );
  app.post(
    '/api/projects',
    { schema: { tags, summary: 'Record a purchased service project', body: CreateProjectInput, response: created } },
    async (req, reply) => reply.code(201).send(await createProject({ ctx: req.auth, input: req.body })),
  );
  app.get(
    '/api/projects/:id',
    { schema: { tags, summary: 'A project with live KPIs, evidence and evaluations', params: ProjectParams, response: one } },
    async (req) => getProject({ ctx: req.auth, input: { id: req.params.id } }),
  );
  app.put(
    '/api/projects/:id',
    {
      schema: {
        tags,
        summary: 'Edit the contract facts, milestones, KPIs and scorecard',
        params: ProjectParams,
        body: UpdateProjectInput,
        response: one,
      },
    },
    async (req) => updateProject({ ctx: req.auth, input: { ...req.body, projectId: req.params.id } }),
  );
  app.put(
    '/api/projects/:id/scorecard',
    {
      schema: {
        tags,
        summary: 'Configure the evaluation scorecard (weights sum to 100)',
        params: ProjectParams,
        body: ScorecardInput,
        response: one,
      },
    },
    async (req) => setProjectScorecard({ ctx: req.auth, input: { ...req.body, projectId: req.params.id } }),
  );
  app.patch(
    '/api/projects/:id/milestones/:itemId',
    { schema: { tags, summary: 'Mark a milestone done (or not)', params: ProjectItemParams, body: MilestoneDoneInput, response: one } },
    async (req) => completeMilestone({ ctx: req.auth, input: { ...req.body, projectId: req.params.id, milestoneId: req.params.itemId } }),
  );
  app.patch(
    '/api/projects/:id/kpis/:itemId',
    { schema: { tags, summary: "A manual KPI's actual value", params: ProjectItemParams, body: KpiValueInput, response: one } },
    async (req) => recordKpiValue({ ctx: req.auth, input: { ...req.body, projectId: req.params.id, kpiId: req.params.itemId } }),
  );
  app.post(
    '/api/projects/:id/links',
    {
      schema: {
        tags,
        summary: 'Link an activity, service or programme counted as evidence',
        params: ProjectParams,
        body: ProjectLinkInput,
        response: created,
      },
    },
    async (req, reply) =>
      reply.code(201).send(await linkProjectRecord({ ctx: req.auth, input: { ...req.body, projectId: req.params.id } })),
  );
  app.delete(
    '/api/projects/:id/links/:kind/:targetId',
    { schema: { tags, summary: 'Stop counting a linked record towards the KPIs', params: ProjectLinkParams, response: one } },
    async (req) =>
      unlinkProjectRecord({ ctx: req.auth, input: { projectId: req.params.id, kind: req.params.kind, targetId: req.params.targetId } }),
  );
  app.post(
    '/api/projects/:id/notes',
    { schema: { tags, summary: 'A written piece of evidence', params: ProjectParams, body: EvidenceNoteInput, response: created } },
    async (req, reply) => reply.code(201).send(await addEvidenceNote({ ctx: req.auth, input: { ...req.body, projectId: req.params.id } })),
  );
  app.get(
    '/api/social-orgs/:id/projects',
    {
      schema: {
        tags,
        summary: "A provider's projects and results over time",
        params: ProjectParams,
        response: { 200: OrgProjectHistoryDto, ...errors },
      },
    },
    async (req) => orgProjectHistory({ ctx: req.auth, input: { orgId: req.params.id } }),
  );
};
