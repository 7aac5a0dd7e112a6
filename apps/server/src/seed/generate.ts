import { buildAreas } from './areas.js';
import { tagCare } from './care.js';
import { buildHandlerOrgs } from './orgs.js';
import { seedParty } from './party.js';
import { type SeedHousehold, populateCommunity } from './people.js';
import { ANPING, LVYANG } from './plan.js';
import { createRng } from './rng.js';

export const DEMO_SEED = 20_240_601;

/** The whole demo in memory, from a seed: same seed and `now` → same data (ids included). */
export function generateDemo(opts: { seed: number; now: Date }) {
  const rng = createRng(opts.seed);
  const areas = buildAreas(rng, [ANPING, LVYANG]);
  const ctx = { rng, now: opts.now, usedIds: new Set<string>(), usedPhones: new Set<string>() };
  const byCommunity = areas.communities.map((c) => ({ community: c, households: populateCommunity(ctx, c) }));
  const households: SeedHousehold[] = byCommunity.flatMap((c) => c.households);
  tagCare(rng, households);
  const party = byCommunity.map(({ community, households: hs }) => ({ community, ...seedParty(rng, community, hs) }));
  const orgs = buildHandlerOrgs(rng, areas);
  const perCommunity = byCommunity.map(({ community, households: hs }, i) => {
    const people = hs.flatMap((h) => h.members);
    return {
      name: community.plan.name,
      compounds: community.compounds.length,
      grids: community.grids.length,
      buildings: community.buildings.length,
      flats: community.buildings.reduce((s, b) => s + b.flats.length, 0),
      households: hs.length,
      rentedHouseholds: hs.filter((h) => h.tenure === 'rented').length,
      residents: people.length,
      floatingResidents: people.filter((p) => p.residentType === 'floating').length,
      householdsNeedingCare: hs.filter((h) => h.tags.length > 0 || h.members.some((p) => p.tags.length > 0)).length,
      partyBranches: party[i]!.branches,
      partyMembers: party[i]!.members,
    };
  });
  return { rng, areas, households, party, orgs, perCommunity };
}

export type GeneratedDemo = ReturnType<typeof generateDemo>;
