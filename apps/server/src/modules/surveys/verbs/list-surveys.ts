import type { SurveyList, SurveyQuery } from '@linli/contracts';
import { hasAbility } from '../../../core/actor.js';
import type { VerbArgs } from '../../../core/context.js';
import { forbidden } from '../../../core/errors.js';
import { respondentOf, viewSurveys } from '../access.js';
import { listSurveys } from '../repo.js';

/** GET /api/surveys: staff and readers see those in scope, residents those of their compound. */
export async function listSurveysInScope({ ctx, input }: VerbArgs<SurveyQuery>): Promise<SurveyList> {
  const { actor } = ctx;
  if (!(['surveys.manage', 'surveys.read', 'portal.use'] as const).some((a) => hasAbility(actor, a))) throw forbidden();
  const who = await respondentOf(ctx.db, actor);
  const own = who && hasAbility(actor, 'portal.use') ? who.compoundId : null;
  const { items, total } = await listSurveys(ctx.db, actor, own, input);
  return { items: await viewSurveys(ctx.db, actor, who, items), total, ...input };
}
