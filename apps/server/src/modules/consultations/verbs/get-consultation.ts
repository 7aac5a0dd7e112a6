import type { IdParam, VoteTopicDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { seeConsultation, viewTopic } from '../access.js';

/** GET /api/consultations/:id: the topic, participation by channel, and the tally where the actor may see it. */
export async function getConsultation({ ctx, input }: VerbArgs<IdParam>): Promise<VoteTopicDto> {
  const { row, voter } = await seeConsultation(ctx.db, ctx.actor, input.id);
  return viewTopic(ctx.db, ctx.actor, voter, row);
}
