import { type PartyResidentHitsDto, ageOn } from '@linli/contracts';
import { authorize, requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { chinaDate } from '../access.js';
import { canEditParty, canSeeParty } from '../policy.js';
import { findArea } from '../repo.js';
import { residentsForMembership } from '../repo-members.js';

/**
 * GET /api/party/residents: residents of a community by name, for registering one as a member. Party organisers read
 * no registry, so this shows only the name, age and building, and only to those who may register members there.
 */
export async function searchMemberResidents({ ctx, input }: VerbArgs<{ communityId: string; q: string }>): Promise<PartyResidentHitsDto> {
  requireAbility(ctx.actor, 'party.write');
  const c = authorize(await findArea(ctx.db, input.communityId), {
    see: (a) => a.kind === 'community' && canSeeParty(ctx.actor, a),
    act: (a) => canEditParty(ctx.actor, a),
    entity: 'community',
  });
  const today = chinaDate();
  const rows = await residentsForMembership(ctx.db, c.id, input.q);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      age: r.birthDate ? ageOn(r.birthDate, today) : null,
      address: { text: r.building },
    })),
  };
}
