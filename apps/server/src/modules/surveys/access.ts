import type { SurveyDto, SurveyScore } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { authorize } from '../../core/authorize.js';
import type { Db, Tx } from '../../db/pool.js';
import { findVoter } from '../consultations/repo.js';
import { quarterRange, surveyStatus } from './period.js';
import { type Respondent, canAnswerOnline, canManageSurvey, canReadSurveyScores, canSeeSurvey, respondentProblem } from './policy.js';
import { presentSurvey } from './presenter.js';
import { type SurveyRow, answerStats, findSurvey, householdAnswer, householdCounts, latestTexts, orderSatisfaction } from './repo.js';
import { scoreOf } from './score.js';

export type SignedInRespondent = Respondent & { residentId: string; householdId: string };

/** The signed-in resident with their household's place, or null for staff accounts. */
export async function respondentOf(db: Db | Tx, actor: Actor): Promise<SignedInRespondent | null> {
  return actor.residentId ? ((await findVoter(db, actor.residentId)) ?? null) : null;
}

/** A survey the actor may see (404 otherwise), with the signed-in resident. */
export async function seeSurvey(db: Db, actor: Actor, id: string) {
  const who = await respondentOf(db, actor);
  const row = authorize(await findSurvey(db, id), { see: (s) => canSeeSurvey(actor, who, s), entity: 'survey' });
  return { row, who };
}

/** The scores of several surveys: two statements for the answers, one roll-up of orders per survey. */
export async function scoresOf(db: Db, rows: readonly SurveyRow[]): Promise<Map<string, SurveyScore>> {
  const stats = await answerStats(
    db,
    rows.map((r) => r.id),
  );
  const homes = await householdCounts(db, [...new Set(rows.map((r) => r.compoundId))]);
  const scores = new Map<string, SurveyScore>();
  for (const r of rows) {
    const orders = await orderSatisfaction(db, { compoundId: r.compoundId, orgId: r.orgId, ...quarterRange(r.period) });
    scores.set(
      r.id,
      scoreOf({
        questions: r.questions,
        surveyWeight: r.surveyWeight,
        answers: stats.answers.get(r.id) ?? 0,
        households: homes.get(r.compoundId) ?? 0,
        ratings: stats.ratings.get(r.id) ?? [],
        orders,
      }),
    );
  }
  return scores;
}

/** The DTOs of surveys for this actor: scores for readers, free text for managers, the household's answer for residents. */
export async function viewSurveys(db: Db, actor: Actor, who: SignedInRespondent | null, rows: readonly SurveyRow[]): Promise<SurveyDto[]> {
  const now = new Date();
  const scores = await scoresOf(
    db,
    rows.filter((r) => canReadSurveyScores(actor, r)),
  );
  const out: SurveyDto[] = [];
  for (const row of rows) {
    const manage = canManageSurvey(actor, row);
    const status = surveyStatus(row, now);
    const mine = who && canAnswerOnline(actor, who, row) ? await householdAnswer(db, row.id, who.householdId) : undefined;
    const answer = status === 'open' && !mine && who !== null && canAnswerOnline(actor, who, row) && respondentProblem(row, who) === null;
    out.push(
      presentSurvey({
        row,
        status,
        score: scores.get(row.id) ?? null,
        texts: manage ? await latestTexts(db, row.id) : null,
        mine,
        abilities: { answer, record: manage && status === 'open' },
      }),
    );
  }
  return out;
}
