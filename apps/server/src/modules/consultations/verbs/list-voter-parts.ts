import type { VoterPartList, VoterPartsQuery } from '@linli/contracts';
import { authorize } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { seeConsultation } from '../access.js';
import { canManageConsultation } from '../policy.js';
import { findVoter } from '../repo.js';
import { ownedParts, votedParts } from '../repo-owners.js';

/**
 * GET /api/consultations/:id/parts: for an owners' vote, the flats the voter's household owns where the topic is put,
 * each with whether it has voted, so a multi-flat owner votes per flat. Staff name the voter (`residentId`, 403 for
 * anyone else); a resident gets their own. Empty for household and representative votes.
 */
export async function listVoterParts({ ctx, input }: VerbArgs<VoterPartsQuery & { id: string }>): Promise<VoterPartList> {
  const { row, voter } = await seeConsultation(ctx.db, ctx.actor, input.id);
  if (input.residentId) authorize(row, { see: () => true, act: (c) => canManageConsultation(ctx.actor, c), entity: 'consultation' });
  const who = input.residentId ? await findVoter(ctx.db, input.residentId) : voter;
  if (row.eligibility !== 'owners' || !who) return { items: [] };
  const parts = await ownedParts(ctx.db, row, who.householdId);
  const voted = await votedParts(
    ctx.db,
    row.id,
    parts.map((p) => p.flatId),
  );
  return { items: parts.map((p) => ({ ...p, voted: voted.has(p.flatId) })) };
}
