import type { MediationCaseList, MediationQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { presentCaseItem } from '../presenter.js';
import { listCases } from '../repo.js';

/** GET /api/mediation/cases: the cases the actor mediates or supervises, newest first (no party data in the list). */
export async function listMediationCases({ ctx, input }: VerbArgs<MediationQuery>): Promise<MediationCaseList> {
  const { items, total } = await listCases(ctx.db, ctx.actor, input);
  return { items: items.map(presentCaseItem), total };
}
