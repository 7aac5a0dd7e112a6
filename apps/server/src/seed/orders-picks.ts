import type { OrderChannel } from '@linli/contracts';
import type { SeedAreas } from './areas.js';
import type { DemoService } from './catalogue.js';
import { ORDER_PROFILES } from './orders-profiles.js';
import type { SeedHousehold, SeedPerson } from './people.js';
import type { Rng } from './rng.js';

/** A Poisson draw (Knuth); the daily counts are small. */
export function poisson(rng: Rng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

/** Pools to pick requesters from, per community: all households, those with an elder, with a school child. */
export function pools(areas: SeedAreas, households: readonly SeedHousehold[]) {
  return areas.communities.map((community) => {
    const here = households.filter((h) => h.community === community && h.members.some(living));
    const lifts = new Set(community.buildings.filter((b) => b.flats.some((f) => f.floorNo >= 11)).map((b) => b.id));
    return {
      community,
      key: community.plan.key as 'anping' | 'lvyang',
      all: here,
      elder: here.filter((h) => h.members.some((p) => p.age >= 65 && living(p))),
      child: here.filter((h) => h.members.some((p) => p.age >= 6 && p.age <= 12)),
      lift: here.filter((h) => lifts.has(h.flat.building.id)),
    };
  });
}
/** An adult living here (not registered-but-away, not overseas): who may ask for a service. */
export const living = (p: SeedPerson) => p.age >= 18 && (p.residentType === 'registered' || p.residentType === 'floating');

/** Who in the household asks: the eldest for elder services, a parent for a child's, else mostly the head. */
export function requester(rng: Rng, h: SeedHousehold, who: 'elder' | 'child' | undefined): SeedPerson {
  const adults = h.members.filter(living);
  if (who === 'elder') return adults.reduce((a, b) => (b.age > a.age ? b : a));
  if (who === 'child') return adults.find((p) => p.age >= 25 && p.age <= 50) ?? adults[0]!;
  return rng.chance(0.6) ? adults[0]! : rng.pick(adults);
}

/** How the order comes in: portal most, proxy and desk more for elders, Open311 only where its key is. */
export function channelFor(rng: Rng, key: 'anping' | 'lvyang', s: DemoService): OrderChannel {
  const elder = ORDER_PROFILES[s.code]?.who === 'elder';
  if (s.category === 'renovation' && rng.chance(0.25)) return 'meeting';
  return rng.weighted<OrderChannel>([
    ['portal', elder ? 25 : key === 'lvyang' ? 58 : 48],
    ['proxy', elder ? 35 : key === 'lvyang' ? 10 : 18],
    ['desk', elder ? 32 : key === 'lvyang' ? 20 : 34],
    ['open311', key === 'lvyang' ? 12 : 0],
  ]);
}
