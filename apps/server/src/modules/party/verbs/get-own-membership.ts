import type { PartyMemberDto } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { notFound } from '../../../core/errors.js';
import { findOwnMember } from '../repo-members.js';
import { presentMemberNow } from './get-party-member.js';

/** GET /api/party/members/me: the caller's own active membership (through their resident record or their own account). */
export async function getOwnMembership({ ctx }: VerbArgs<object>): Promise<PartyMemberDto> {
  const m = await findOwnMember(ctx.db, ctx.actor);
  if (!m) throw notFound('party_member');
  return presentMemberNow(ctx, m.id);
}
