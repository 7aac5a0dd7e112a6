import type { VoteTopicList, VoteTopicQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { forbidden } from '../../../core/errors.js';
import { hasAbility } from '../../../core/actor.js';
import { viewTopic, voterOf } from '../access.js';
import { listConsultations } from '../repo.js';

/** GET /api/consultations: staff see those in scope, residents those put to their household. */
export async function listConsultationsInScope({ ctx, input }: VerbArgs<VoteTopicQuery>): Promise<VoteTopicList> {
  if (!hasAbility(ctx.actor, 'consultations.manage') && !hasAbility(ctx.actor, 'portal.use')) throw forbidden();
  const voter = await voterOf(ctx.db, ctx.actor);
  const { items, total } = await listConsultations(ctx.db, ctx.actor, voter, input);
  return { items: await Promise.all(items.map((r) => viewTopic(ctx.db, ctx.actor, voter, r))), total, ...input };
}
