import type { IdParam, SurveyDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { seeSurvey, viewSurveys } from '../access.js';

/** GET /api/surveys/:id: the questions, and the score for readers of the scope. */
export async function getSurvey({ ctx, input }: VerbArgs<IdParam>): Promise<SurveyDto> {
  const { row, who } = await seeSurvey(ctx.db, ctx.actor, input.id);
  const [dto] = await viewSurveys(ctx.db, ctx.actor, who, [row]);
  return dto!;
}
