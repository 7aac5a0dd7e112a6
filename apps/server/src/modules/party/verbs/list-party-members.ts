import type { PartyMemberListDto, PartyMemberListQuery } from '@linli/contracts';
import { authorize, requireAbility } from '../../../core/authorize.js';
import type { VerbArgs } from '../../../core/context.js';
import { chinaDate } from '../access.js';
import { canSeeParty } from '../policy.js';
import { presentMember } from '../presenter.js';
import { findPartyOrg, subtreeIds } from '../repo.js';
import { listMembers, memberExtras } from '../repo-members.js';

/** GET /api/party/members: one page of members in the actor's scope, optionally of one organisation and its subtree. */
export async function listPartyMembers({ ctx, input }: VerbArgs<PartyMemberListQuery>): Promise<PartyMemberListDto> {
  requireAbility(ctx.actor, 'party.read');
  const org = input.orgId
    ? authorize(await findPartyOrg(ctx.db, input.orgId), { see: (o) => canSeeParty(ctx.actor, o), entity: 'party_org' })
    : null;
  const { rows, total } = await listMembers(ctx.db, ctx.actor, input, org ? await subtreeIds(ctx.db, org.id) : null);
  const extras = await memberExtras(
    ctx.db,
    rows.map((r) => r.id),
  );
  const today = chinaDate();
  return {
    items: rows.map((m) => presentMember(m, extras, { actor: ctx.actor, pii: ctx.pii, today })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
