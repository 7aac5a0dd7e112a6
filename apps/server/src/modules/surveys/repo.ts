import { type SQL, and, asc, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/actor.js';
import { scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, handlerOrgs, households, orders, propertySurveys, surveyAnswers } from '../../db/schema/index.js';
import { ratesOf } from '../figures/calculator.js';
import { bucketsWhere } from '../figures/repo.js';
import type { RatingSum } from './score.js';

type Conn = Db | Tx;
export type SurveyRow = typeof propertySurveys.$inferSelect & { compoundName: string; communityName: string; orgName: string };
export type AnswerRow = typeof surveyAnswers.$inferSelect;

const community = alias(areaNodes, 'survey_community');
const SCOPE = { districtId: propertySurveys.districtId, streetId: propertySurveys.streetId, communityId: propertySurveys.communityId };

export { findAreaRow as findCompound } from '../areas/repo.js';

export async function orgName(db: Conn, id: string): Promise<string> {
  const [row] = await db.select({ name: handlerOrgs.name }).from(handlerOrgs).where(eq(handlerOrgs.id, id));
  return row?.name ?? '';
}

export async function insertSurvey(tx: Tx, values: typeof propertySurveys.$inferInsert): Promise<string> {
  const [row] = await tx.insert(propertySurveys).values(values).returning({ id: propertySurveys.id });
  return row!.id;
}

function withNames(db: Conn) {
  return db
    .select({ s: propertySurveys, compoundName: areaNodes.name, communityName: community.name, orgName: handlerOrgs.name })
    .from(propertySurveys)
    .innerJoin(areaNodes, eq(areaNodes.id, propertySurveys.compoundId))
    .innerJoin(community, eq(community.id, propertySurveys.communityId))
    .innerJoin(handlerOrgs, eq(handlerOrgs.id, propertySurveys.orgId));
}
type Joined = { s: typeof propertySurveys.$inferSelect; compoundName: string; communityName: string; orgName: string };
const flatten = ({ s, ...names }: Joined): SurveyRow => ({ ...s, ...names });

export async function findSurvey(db: Conn, id: string): Promise<SurveyRow | undefined> {
  const [row] = await withNames(db).where(eq(propertySurveys.id, id));
  return row && flatten(row);
}

/** The survey locked for the answer at hand: answers of one survey queue behind each other. */
export async function lockSurvey(tx: Tx, id: string): Promise<SurveyRow | undefined> {
  const [row] = await withNames(tx).where(eq(propertySurveys.id, id)).for('update', { of: propertySurveys });
  return row && flatten(row);
}

/** Surveys the actor manages or reads in scope, or those of the resident's compound; newest period first. */
export async function listSurveys(
  db: Conn,
  actor: Actor,
  compoundOfResident: string | null,
  q: { compoundId?: string; period?: string; page: number; pageSize: number },
) {
  const own = compoundOfResident ? eq(propertySurveys.compoundId, compoundOfResident) : sql`false`;
  const where = and(
    or(scopeFilter(actor, 'surveys.manage', SCOPE), scopeFilter(actor, 'surveys.read', SCOPE), own),
    q.compoundId ? eq(propertySurveys.compoundId, q.compoundId) : undefined,
    q.period ? eq(propertySurveys.period, q.period) : undefined,
  );
  const items = await withNames(db)
    .where(where)
    .orderBy(desc(propertySurveys.period), asc(areaNodes.code))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(propertySurveys).where(where);
  return { items: items.map(flatten), total: total?.n ?? 0 };
}

/** Every survey in the actor's reading scope (of one community when given), for the ranking. */
export async function rankedSurveys(db: Conn, actor: Actor, communityId: string | undefined): Promise<SurveyRow[]> {
  const rows = await withNames(db)
    .where(and(scopeFilter(actor, 'surveys.read', SCOPE), communityId ? eq(propertySurveys.communityId, communityId) : undefined))
    .orderBy(asc(propertySurveys.period), asc(areaNodes.code));
  return rows.map(flatten);
}

/** Registered households per compound (the survey's possible respondents). */
export async function householdCounts(db: Conn, compoundIds: string[]): Promise<Map<string, number>> {
  if (compoundIds.length === 0) return new Map();
  const rows = await db
    .select({ id: households.compoundId, n: count() })
    .from(households)
    .where(and(inArray(households.compoundId, compoundIds), eq(households.status, 'active')))
    .groupBy(households.compoundId);
  return new Map(rows.map((r) => [r.id!, r.n]));
}

/** Answers and rating sums per survey, in one statement over the answers' ratings. */
export async function answerStats(db: Conn, surveyIds: string[]) {
  const answers = new Map<string, number>();
  const ratings = new Map<string, RatingSum[]>();
  if (surveyIds.length === 0) return { answers, ratings };
  const counted = await db
    .select({ id: surveyAnswers.surveyId, n: count() })
    .from(surveyAnswers)
    .where(inArray(surveyAnswers.surveyId, surveyIds))
    .groupBy(surveyAnswers.surveyId);
  for (const r of counted) answers.set(r.id, r.n);
  const { rows } = await db.execute<{ survey_id: string; key: string; sum: number; n: number }>(sql`
    SELECT a.survey_id, r.key, sum(r.value::int)::int AS sum, count(*)::int AS n
    FROM ${surveyAnswers} a, jsonb_each_text(a.ratings) r
    WHERE a.survey_id IN (${sql.join(
      surveyIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    GROUP BY a.survey_id, r.key`);
  for (const r of rows) ratings.set(r.survey_id, [...(ratings.get(r.survey_id) ?? []), { key: r.key, sum: r.sum, n: r.n }]);
  return { answers, ratings };
}

/**
 * The satisfaction of the company's orders in the compound placed in [start, end): the figures module's own
 * roll-up and rate (satisfied or basically satisfied among the rated), so the two never disagree.
 */
export async function orderSatisfaction(db: Db, s: { compoundId: string; orgId: string; start: Date; end: Date }) {
  const where: SQL = and(eq(orders.compoundId, s.compoundId), eq(orders.handlerOrgId, s.orgId))!;
  const { total } = await bucketsWhere(db, { where, groupBy: 'handler', start: s.start, end: s.end });
  return { rated: total.counts.rated, satisfied: total.counts.satisfied, satisfactionRate: ratesOf(total.counts).satisfactionRate };
}

export async function householdAnswer(db: Conn, surveyId: string, householdId: string): Promise<AnswerRow | undefined> {
  const [row] = await db
    .select()
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.surveyId, surveyId), eq(surveyAnswers.householdId, householdId)));
  return row;
}

export async function insertAnswer(tx: Tx, values: typeof surveyAnswers.$inferInsert): Promise<AnswerRow> {
  const [row] = await tx.insert(surveyAnswers).values(values).returning();
  return row!;
}

/** The latest answers with some free text, without who gave them. */
export async function latestTexts(db: Conn, surveyId: string, limit = 20) {
  return db
    .select({ texts: surveyAnswers.texts, channel: surveyAnswers.channel, answeredAt: surveyAnswers.answeredAt })
    .from(surveyAnswers)
    .where(and(eq(surveyAnswers.surveyId, surveyId), sql`${surveyAnswers.texts} <> '{}'::jsonb`))
    .orderBy(desc(surveyAnswers.answeredAt))
    .limit(limit);
}
