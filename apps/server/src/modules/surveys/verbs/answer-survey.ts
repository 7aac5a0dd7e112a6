import type { SurveyAnswerInput, SurveyDto, SurveyQuestion } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize } from '../../../core/authorize.js';
import { type TxCtx, type VerbArgs, inTx } from '../../../core/context.js';
import { AppError, conflict, invalid, isUniqueViolation } from '../../../core/errors.js';
import { findVoter } from '../../consultations/repo.js';
import { type SignedInRespondent, respondentOf, viewSurveys } from '../access.js';
import { SURVEY_MESSAGES as M } from '../messages.js';
import { surveyStatus } from '../period.js';
import { canAnswerOnline, canManageSurvey, canSeeSurvey, respondentProblem } from '../policy.js';
import { type SurveyRow, findSurvey, householdAnswer, insertAnswer, lockSurvey } from '../repo.js';

export type AnswerSurveyInput = SurveyAnswerInput & { id: string };

/** Who answers: the signed-in resident online, or the resident staff name for a paper or in-person answer. */
async function respondentFor(tctx: TxCtx, input: AnswerSurveyInput, row: SurveyRow, self: SignedInRespondent | null) {
  const { actor, locale, tx } = tctx;
  const why = { outside: M.outside, inactive: M.inactive };
  if (input.channel === 'online') {
    if (!self) throw invalid([{ path: 'channel', message: M.notResident()[locale] }]);
    if (!canAnswerOnline(actor, self, row)) throw invalid([{ path: 'channel', message: M.onlineByStaff()[locale] }]);
    const problem = respondentProblem(row, self);
    if (problem) throw new AppError('FORBIDDEN', why[problem]()[locale]);
    return self;
  }
  authorize(row, { see: () => true, act: (s) => canManageSurvey(actor, s) });
  if (!input.residentId) throw invalid([{ path: 'residentId', message: M.respondentRequired()[locale] }]);
  const who = await findVoter(tx, input.residentId);
  const problem = who ? respondentProblem(row, who) : 'outside';
  if (!who || problem) throw invalid([{ path: 'residentId', message: why[problem ?? 'outside']()[locale] }]);
  return who;
}

/** Every rating question rated, no unknown keys; field-level issues otherwise. */
function checkAnswers(questions: readonly SurveyQuestion[], input: AnswerSurveyInput, locale: TxCtx['locale']) {
  const known = new Map(questions.map((q) => [q.key, q.kind]));
  const issues = [
    ...questions
      .filter((q) => q.kind === 'rating' && input.ratings[q.key] === undefined)
      .map((q) => ({ path: `ratings.${q.key}`, message: M.missingRating(q.label)[locale] })),
    ...Object.keys(input.ratings)
      .filter((k) => known.get(k) !== 'rating')
      .map((k) => ({ path: `ratings.${k}`, message: M.unknownQuestion(k)[locale] })),
    ...Object.keys(input.texts)
      .filter((k) => known.get(k) !== 'text')
      .map((k) => ({ path: `texts.${k}`, message: M.unknownQuestion(k)[locale] })),
  ];
  if (issues.length > 0) throw invalid(issues);
}

/** POST /api/surveys/:id/answers: one answer per household per period across channels; refused outside the open window. */
export async function answerSurvey({ ctx, input }: VerbArgs<AnswerSurveyInput>): Promise<SurveyDto> {
  const self = await respondentOf(ctx.db, ctx.actor);
  try {
    await inTx(ctx, async (tctx) => {
      const { tx, actor, locale } = tctx;
      const row = authorize(await lockSurvey(tx, input.id), { see: (s) => canSeeSurvey(actor, self, s), entity: 'survey' });
      const who = await respondentFor(tctx, input, row, self);
      checkAnswers(row.questions, input, locale);
      const status = surveyStatus(row, new Date());
      if (status === 'upcoming') throw conflict(M.notOpen(row.opensAt)[locale], { reason: 'not_open' });
      if (status === 'closed') throw conflict(M.closed(row.closesAt)[locale], { reason: 'closed' });
      const earlier = await householdAnswer(tx, row.id, who.householdId);
      if (earlier) throw conflict(M.alreadyAnswered(earlier.answeredAt, earlier.channel)[locale], { reason: 'already_answered' });
      const answer = await insertAnswer(tx, {
        surveyId: row.id,
        householdId: who.householdId,
        residentId: who.residentId,
        ratings: input.ratings,
        texts: Object.fromEntries(Object.entries(input.texts).filter(([, v]) => v.length > 0)),
        channel: input.channel,
        recordedBy: input.channel === 'online' ? null : actor.userId,
      });
      await writeAudit(tctx, {
        action: 'survey.answer',
        entityType: 'property_survey',
        entityId: row.id,
        streetId: row.streetId,
        communityId: row.communityId,
        details: { answerId: answer.id, channel: input.channel },
      });
    });
  } catch (e) {
    // the row lock makes this rare; the unique index is what finally holds one answer per household per period
    if (isUniqueViolation(e)) throw conflict(M.alreadyAnswered(new Date(), input.channel)[ctx.locale], { reason: 'already_answered' });
    throw e;
  }
  const [dto] = await viewSurveys(ctx.db, ctx.actor, self, [(await findSurvey(ctx.db, input.id))!]);
  return dto!;
}
