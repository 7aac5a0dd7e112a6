import type { PartyMemberDto } from '@linli/contracts';
import { authorize, requireAbility } from '../../../core/authorize.js';
import type { AuthedCtx, VerbArgs } from '../../../core/context.js';
import { chinaDate } from '../access.js';
import { canSeeParty } from '../policy.js';
import { presentMember } from '../presenter.js';
import { findMember, memberExtras } from '../repo-members.js';

/** GET /api/party/members/:id: one member, for party organisers and staff of its scope only (404 for anyone else). */
export async function getPartyMember({ ctx, input }: VerbArgs<{ id: string }>): Promise<PartyMemberDto> {
  requireAbility(ctx.actor, 'party.read');
  const member = authorize(await findMember(ctx.db, input.id), { see: (m) => canSeeParty(ctx.actor, m), entity: 'party_member' });
  return presentMemberNow(ctx, member.id);
}

/** A member as the list shows it, read after a write. */
export async function presentMemberNow(ctx: AuthedCtx, id: string): Promise<PartyMemberDto> {
  const member = (await findMember(ctx.db, id))!;
  const extras = await memberExtras(ctx.db, [id]);
  return presentMember(member, extras, { actor: ctx.actor, pii: ctx.pii, today: chinaDate() });
}
