import { type Actor, type ScopedRow, canOn, hasAbility } from '../../core/actor.js';

/** The household place of a signed-in resident, as far as surveys need it. */
export type Respondent = { compoundId: string | null; status: string; householdStatus: string };

/** Opening surveys and recording paper or in-person answers: surveys.manage covering the community. */
export function canManageSurvey(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'surveys.manage', row);
}

/** Reading scores and rankings: surveys.read covering the row (street supervisors, community staff, evaluators). */
export function canReadSurveyScores(actor: Actor, row: ScopedRow): boolean {
  return canOn(actor, 'surveys.read', row);
}

/** Answering online: a portal user whose household lives in the compound surveyed. */
export function canAnswerOnline(actor: Actor, who: Respondent | null, survey: { compoundId: string }): boolean {
  return who !== null && hasAbility(actor, 'portal.use') && who.compoundId === survey.compoundId;
}

/** Seeing a survey: its managers and readers, and the residents of its compound. */
export function canSeeSurvey(actor: Actor, who: Respondent | null, survey: ScopedRow & { compoundId: string }): boolean {
  return canManageSurvey(actor, survey) || canReadSurveyScores(actor, survey) || canAnswerOnline(actor, who, survey);
}

/** Why a respondent may not answer, or null. */
export function respondentProblem(survey: { compoundId: string }, who: Respondent): 'outside' | 'inactive' | null {
  if (who.compoundId !== survey.compoundId) return 'outside';
  return who.status === 'active' && who.householdStatus === 'active' ? null : 'inactive';
}
