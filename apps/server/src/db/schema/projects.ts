import { KpiSource, ProjectCategory, ProjectLinkKind, type ScoreCriterion } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areaNodes, handlerOrgs } from './areas.js';
import { ts, tuple } from './columns.js';
import { users } from './users.js';

export const projectCategory = pgEnum('project_category', tuple(ProjectCategory.options));
export const kpiSource = pgEnum('project_kpi_source', tuple(KpiSource.options));
export const projectLinkKind = pgEnum('project_link_kind', tuple(ProjectLinkKind.options));

/** 政府购买服务 / 惠民实事: a project a street or community (the buyer) bought from a social organisation. */
export const serviceProjects = pgTable(
  'service_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    category: projectCategory('category').notNull(),
    districtId: uuid('district_id').notNull(),
    streetId: uuid('street_id').notNull(),
    /** null when the street itself is the buyer */
    communityId: uuid('community_id'),
    buyerAreaId: uuid('buyer_area_id')
      .notNull()
      .references(() => areaNodes.id),
    providerOrgId: uuid('provider_org_id')
      .notNull()
      .references(() => handlerOrgs.id),
    contractNo: text('contract_no').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
    description: text('description').notNull().default(''),
    scorecard: jsonb('scorecard').$type<ScoreCriterion[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('service_projects_street_idx').on(t.streetId, t.startsOn),
    index('service_projects_community_idx').on(t.communityId),
    index('service_projects_provider_idx').on(t.providerOrgId),
    uniqueIndex('service_projects_contract_uq').on(t.streetId, t.contractNo),
  ],
);

const projectId = () =>
  uuid('project_id')
    .notNull()
    .references(() => serviceProjects.id);

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectId(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    doneOn: date('done_on'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.position)],
);

/** A KPI with its target; an automatic source counts the linked rows inside the project's period. */
export const projectKpis = pgTable(
  'project_kpis',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectId(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    target: integer('target').notNull(),
    source: kpiSource('source').notNull(),
    manualValue: integer('manual_value'),
  },
  (t) => [index('project_kpis_project_idx').on(t.projectId, t.position)],
);

/** The activities, services (their orders in the buyer's area) and programmes a project's evidence is counted from. */
export const projectLinks = pgTable(
  'project_links',
  { projectId: projectId(), kind: projectLinkKind('kind').notNull(), targetId: uuid('target_id').notNull() },
  (t) => [primaryKey({ columns: [t.projectId, t.kind, t.targetId] })],
);

/** Evidence: a note, or a file (PDF or image) kept by the storage interface. */
export const projectEvidence = pgTable(
  'project_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectId(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    contentType: text('content_type'),
    size: integer('size'),
    storageKey: text('storage_key'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('project_evidence_project_idx').on(t.projectId, t.createdAt)],
);

export const projectEvaluators = pgTable(
  'project_evaluators',
  {
    projectId: projectId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: ts('assigned_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_evaluators_user_idx').on(t.userId)],
);

export type CriterionScore = { key: string; score: number; comment: string };

/** One evaluator's submitted scorecard; locked once written, superseded only when the buyer reopens it. */
export const projectEvaluations = pgTable(
  'project_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectId(),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id),
    scores: jsonb('scores').$type<CriterionScore[]>().notNull(),
    comment: text('comment').notNull().default(''),
    total: numeric('total', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
    supersededAt: ts('superseded_at'),
  },
  (t) => [
    // one live evaluation per evaluator: a concurrent second submit fails on this index
    uniqueIndex('project_evaluations_live_uq')
      .on(t.projectId, t.evaluatorId)
      .where(sql`${t.supersededAt} IS NULL`),
  ],
);
