import type { partyOrgs } from '../db/schema/index.js';
import { type SeedCommunity, type SeedNode, cnNumber } from './areas.js';
import type { SeedHousehold, SeedPerson } from './people.js';
import type { Rng } from './rng.js';

export type PartyOrgInsert = typeof partyOrgs.$inferInsert;
type Branch = { id: string; takes: (p: SeedPerson, h: SeedHousehold) => boolean };

/**
 * Members per community: an exact count (Anping's 195) or a share of the adults, of whom Green Yangyuan's seed
 * names exactly how many are under 46 (46 of them).
 */
function chooseMembers(rng: Rng, community: SeedCommunity, households: readonly SeedHousehold[]) {
  const adults = households.flatMap((h) => h.members.filter((p) => p.age >= 18).map((p) => ({ p, h })));
  const spec = community.plan.partyMembers;
  const count = 'exact' in spec ? spec.exact : Math.round(adults.length * spec.share);
  // weighted sampling without replacement (Efraimidis–Spirakis): retired members are the most common
  const keyed = adults
    .map((a) => ({ a, key: rng.next() ** (1 / (a.p.age >= 60 ? 3 : a.p.age >= 36 ? 1.5 : 1)) }))
    .sort((x, y) => y.key - x.key);
  const young = 'under46' in spec ? spec.under46 : undefined;
  if (young === undefined) return keyed.slice(0, count).map((k) => k.a);
  const under = keyed.filter((k) => k.a.p.age < 46).slice(0, young);
  const over = keyed.filter((k) => k.a.p.age >= 46).slice(0, count - young);
  return [...under, ...over].sort((x, y) => y.key - x.key).map((k) => k.a);
}

/**
 * The party tree of a community and its members. Anping: a committee with exactly 5 branches (three by
 * compound, one for retired and one for floating members). Green Yangyuan: a general branch with a branch per grid
 * (its party groups and red posts are added by party-tree.ts).
 * Members are '01' (CPC member) or '02' (probationary member); both count as party members, as in party statistics.
 */
export function seedParty(rng: Rng, community: SeedCommunity, households: readonly SeedHousehold[]) {
  const rows: PartyOrgInsert[] = [];
  const org = (kind: 'committee' | 'general_branch' | 'branch', name: string, area: SeedNode, parentId: string | null) => {
    const id = rng.uuid();
    const { communityId, streetId, districtId } = area;
    const { compoundId = null, gridId = null, buildingId = null } = area;
    rows.push({
      id,
      kind,
      name,
      parentId,
      areaId: area.id,
      communityId: communityId!,
      streetId: streetId!,
      districtId: districtId!,
      compoundId,
      gridId,
      buildingId,
    });
    return id;
  };
  const anping = community.plan.key === 'anping';
  const root = org(
    anping ? 'committee' : 'general_branch',
    `中共${community.plan.name}${anping ? '' : '总支部'}委员会`,
    community.node,
    null,
  );
  const branches: Branch[] = anping
    ? [
        { id: org('branch', '流动党员党支部', community.node, root), takes: (p) => p.residentType === 'floating' },
        { id: org('branch', '离退休党员党支部', community.node, root), takes: (p) => p.age >= 70 },
        // three compound branches: the smaller compounds after the second share a joint branch (联合党支部)
        ...[...community.compounds.slice(0, 2).map((c) => [c]), community.compounds.slice(2)].map((cs) => ({
          id: org('branch', `${cs.map((c) => c.name).join('、')}${cs.length > 1 ? '联合' : ''}党支部`, cs[0]!, root),
          takes: (_p: SeedPerson, h: SeedHousehold) => cs.some((c) => h.flat.building.compoundId === c.id),
        })),
      ]
    : community.grids.map((g, i) => ({
        id: org('branch', `第${cnNumber(i + 1)}网格党支部`, g, root),
        takes: (_p: SeedPerson, h: SeedHousehold) => h.flat.building.gridId === g.id,
      }));
  const members = chooseMembers(rng, community, households);
  let probationary = anping ? 7 : 5;
  for (const { p, h } of members) {
    const young = p.age >= 20 && p.age <= 45;
    p.political = young && probationary-- > 0 ? '02' : '01';
    p.partyOrgId = branches.find((b) => b.takes(p, h))!.id;
  }
  return { rows, members: members.length, branches: branches.length, chosen: members };
}
