import { type Locale, type SurveyDto, type SurveyInput, localDate } from '@linli/contracts';
import { writeAudit } from '../../../core/audit.js';
import { authorize, requireAbility } from '../../../core/authorize.js';
import { type VerbArgs, inTx } from '../../../core/context.js';
import { invalid, isUniqueViolation } from '../../../core/errors.js';
import { propertyOrgOn } from '../../property/repo.js';
import { viewSurveys } from '../access.js';
import { SURVEY_MESSAGES as M } from '../messages.js';
import { canManageSurvey } from '../policy.js';
import { findCompound, findSurvey, insertSurvey, orgName } from '../repo.js';

function checkQuestions(input: SurveyInput, locale: Locale) {
  const keys = input.questions.map((q) => q.key);
  if (new Set(keys).size !== keys.length) throw invalid([{ path: 'questions', message: M.duplicateQuestion()[locale] }]);
  if (!input.questions.some((q) => q.kind === 'rating')) throw invalid([{ path: 'questions', message: M.noRatingQuestion()[locale] }]);
  if (new Date(input.closesAt) <= new Date(input.opensAt)) throw invalid([{ path: 'closesAt', message: M.closesBeforeOpens()[locale] }]);
}

/** POST /api/surveys: opens a period's survey of a compound's property company (the one serving it today). */
export async function createSurvey({ ctx, input }: VerbArgs<SurveyInput>): Promise<SurveyDto> {
  requireAbility(ctx.actor, 'surveys.manage');
  const { actor, locale } = ctx;
  checkQuestions(input, locale);
  let id: string;
  try {
    id = await inTx(ctx, async (tctx) => {
      const { tx } = tctx;
      const compound = authorize(await findCompound(tx, input.compoundId), {
        see: (a) => a.communityId !== null && canManageSurvey(actor, a),
        entity: 'area',
        issue: { path: 'compoundId', message: M.notCompound()[locale] },
      });
      if (compound.kind !== 'compound') throw invalid([{ path: 'compoundId', message: M.notCompound()[locale] }]);
      const orgId = await propertyOrgOn(tx, compound.id, localDate());
      if (!orgId) throw invalid([{ path: 'compoundId', message: M.noProperty()[locale] }]);
      const created = await insertSurvey(tx, {
        districtId: compound.districtId!,
        streetId: compound.streetId!,
        communityId: compound.communityId!,
        compoundId: compound.id,
        orgId,
        period: input.period,
        title: input.title || `${compound.name} ${input.period} 物业服务质量测评（${await orgName(tx, orgId)}）`,
        questions: input.questions,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        surveyWeight: input.surveyWeight,
        createdBy: actor.userId,
      });
      await writeAudit(tctx, {
        action: 'survey.create',
        entityType: 'property_survey',
        entityId: created,
        streetId: compound.streetId,
        communityId: compound.communityId,
        details: { compoundId: compound.id, orgId, period: input.period, questions: input.questions.length },
      });
      return created;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid([{ path: 'period', message: M.duplicatePeriod(input.period)[locale] }]);
    throw e;
  }
  const [dto] = await viewSurveys(ctx.db, actor, null, [(await findSurvey(ctx.db, id))!]);
  return dto!;
}
