import type { PartyOrgDto } from '@linli/contracts';
import type { AuthedCtx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { listPartyTree } from './verbs/list-party-tree.js';

/** One organisation as the tree shows it (after a write: its figures and abilities as they now stand). */
export async function partyOrgView(ctx: AuthedCtx, communityId: string, id: string): Promise<PartyOrgDto> {
  const tree = await listPartyTree({ ctx, input: { communityId } });
  const org = tree.items.find((o) => o.id === id);
  if (!org) throw notFound('party_org');
  return org;
}
