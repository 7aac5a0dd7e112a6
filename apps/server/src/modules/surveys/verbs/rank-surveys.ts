import type { SurveyRanking, SurveyRankingQuery } from '@linli/contracts';
import { authorize, requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { scoresOf } from '../access.js';
import { canReadSurveyScores } from '../policy.js';
import { rankSurveys } from '../ranking.js';
import { findCompound, rankedSurveys } from '../repo.js';

/** GET /api/surveys/ranking: compounds ranked by combined score in a period, and their scores over time, in the reader's scope. */
export async function rankSurveysInScope({ ctx, input }: VerbArgs<SurveyRankingQuery>): Promise<SurveyRanking> {
  requireAbility(ctx.actor, 'surveys.read');
  if (input.communityId)
    authorize(await findCompound(ctx.db, input.communityId), {
      see: (a) => a.kind === 'community' && canReadSurveyScores(ctx.actor, a),
      entity: 'area',
    });
  const rows = await rankedSurveys(ctx.db, ctx.actor, input.communityId);
  return rankSurveys(rows, await scoresOf(ctx.db, rows), input.period);
}
