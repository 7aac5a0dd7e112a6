import type { PartyTreeDto, PartyTreeQuery } from '@linli/contracts';
import type { VerbArgs } from '../../../core/context.js';
import { chinaDate, partyCommunity } from '../access.js';
import { subtreeStrips } from '../figures.js';
import { treeOrder } from '../placement.js';
import { canEditParty } from '../policy.js';
import { presentOrg } from '../presenter.js';
import { findAreas, listCommunityOrgs } from '../repo.js';
import { loadFigureRows } from '../repo-figures.js';
import { memberNames } from '../repo-members.js';

const countBy = <T>(rows: readonly T[], key: (r: T) => string | null) => {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
};

/** GET /api/party/tree: a community's party tree, parents first, each organisation with its secretary and figures strip. */
export async function listPartyTree({ ctx, input }: VerbArgs<PartyTreeQuery>): Promise<PartyTreeDto> {
  const community = await partyCommunity(ctx.db, ctx.actor, input.communityId);
  if (!community) return { communityId: null, items: [], canCreateRoot: false };
  const [orgs, rows] = await Promise.all([listCommunityOrgs(ctx.db, community.id), loadFigureRows(ctx.db, { communityId: community.id })]);
  const [areas, secretaries] = await Promise.all([
    findAreas(ctx.db, [...new Set(orgs.map((o) => o.areaId))]),
    memberNames(
      ctx.db,
      orgs.flatMap((o) => (o.secretaryMemberId ? [o.secretaryMemberId] : [])),
    ),
  ]);
  const context = {
    actor: ctx.actor,
    areas: new Map(areas.map((a) => [a.id, a])),
    secretaries,
    direct: countBy(rows.members, (m) => m.orgId),
    strips: subtreeStrips(rows.orgs, rows.members, rows.posts, chinaDate()),
    childCount: countBy(orgs, (o) => o.parentId),
  };
  return {
    communityId: community.id,
    items: treeOrder(orgs).map((o) => presentOrg(o, context)),
    canCreateRoot: canEditParty(ctx.actor, community) && !orgs.some((o) => o.parentId === null),
  };
}
