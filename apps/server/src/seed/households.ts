import type { Rng } from './rng.js';

export type Sex = 1 | 2;
/** One member of a generated household; `surnameOf` names the member whose surname they carry (null: their own). */
export type MemberSpec = { relation: string; sex: Sex; age: number; surnameOf: number | null };

export const HOUSEHOLD_KINDS = [
  'single_elder',
  'single_adult',
  'elder_couple',
  'couple',
  'single_parent',
  'nuclear3',
  'nuclear4',
  'elder_with_child',
  'skip_generation',
  'three_gen4',
  'three_gen5',
  'shared',
] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];
export type HouseholdSpec = { kind: HouseholdKind; members: MemberSpec[] };

const other = (s: Sex): Sex => (s === 1 ? 2 : 1);
const sexOf = (rng: Rng, maleShare: number): Sex => (rng.chance(maleShare) ? 1 : 2);
const elderAge = (rng: Rng, min = 60) =>
  Math.max(
    min,
    rng.weighted([
      [rng.int(60, 69), 4],
      [rng.int(70, 79), 4],
      [rng.int(80, 95), 2],
    ]),
  );

/** A builder that keeps indexes, so children inherit the right parent's surname. */
function household(rng: Rng) {
  const members: MemberSpec[] = [];
  const add = (m: MemberSpec) => members.push(m) - 1;
  return {
    members,
    head: (sex: Sex, age: number) => add({ relation: '02', sex, age, surnameOf: null }),
    spouse(of: number, relation = '10') {
      const p = members[of]!;
      const gap = rng.int(-2, 5);
      const age = Math.max(20, p.sex === 1 ? p.age - gap : p.age + gap);
      return add({ relation, sex: other(p.sex), age, surnameOf: null });
    },
    /** Children of `parents` (one or two indexes); relations per GB/T 4761, or a fixed pair for grandchildren. */
    children(parents: number[], count: number, codes?: { son: string; daughter: string }, maxAge = 99) {
      const ages = parents.map((i) => members[i]!.age);
      const father = parents.find((i) => members[i]!.sex === 1) ?? parents[0]!;
      const youngest = Math.min(...ages);
      const sexes = Array.from({ length: count }, () => sexOf(rng, 0.52));
      let age = Math.min(maxAge, youngest - rng.int(Math.min(22, youngest), Math.min(33, youngest)));
      sexes.forEach((sex, k) => {
        const sameSex = sexes.filter((s) => s === sex).length > 1;
        const rank = sexes.slice(0, k).filter((s) => s === sex).length;
        const relation = codes ? codes[sex === 1 ? 'son' : 'daughter'] : `${sex === 1 ? 2 : 3}${sameSex ? 2 + rank : 0}`;
        add({ relation, sex, age: Math.max(0, age), surnameOf: father });
        age -= rng.int(2, 6);
      });
    },
    add,
  };
}

const GRANDCHILD = { son: '41', daughter: '42' };

/** Generates one household of the given kind: who lives there, with ages and relations to the head. */
export function composeHousehold(rng: Rng, kind: HouseholdKind): HouseholdSpec {
  const h = household(rng);
  switch (kind) {
    case 'single_elder':
      h.head(sexOf(rng, 0.38), elderAge(rng));
      break;
    case 'single_adult':
      h.head(sexOf(rng, 0.55), rng.int(20, 59));
      break;
    case 'elder_couple':
      h.spouse(h.head(1, elderAge(rng, 62)));
      break;
    case 'couple':
      h.spouse(h.head(sexOf(rng, 0.75), rng.int(23, 58)));
      break;
    case 'single_parent': {
      const p = h.head(sexOf(rng, 0.3), rng.int(28, 50));
      h.children([p], rng.chance(0.75) ? 1 : 2, undefined, 17);
      break;
    }
    case 'nuclear3':
    case 'nuclear4': {
      const p = h.head(sexOf(rng, 0.8), kind === 'nuclear3' ? rng.int(27, 58) : rng.int(30, 50));
      h.children([p, h.spouse(p)], kind === 'nuclear3' ? 1 : 2);
      break;
    }
    case 'elder_with_child': {
      const p = h.head(sexOf(rng, 0.8), rng.int(55, 82));
      h.children([p, h.spouse(p)], 1);
      break;
    }
    case 'skip_generation': {
      const p = h.head(sexOf(rng, 0.5), rng.int(55, 75));
      const s = rng.chance(0.6) ? h.spouse(p) : null;
      const grandfather = h.members[p]!.sex === 1 ? p : s;
      const sex = sexOf(rng, 0.52);
      h.add({ relation: sex === 1 ? '41' : '42', sex, age: rng.int(3, 15), surnameOf: grandfather });
      break;
    }
    case 'three_gen4': {
      const p = h.head(sexOf(rng, 0.75), rng.int(30, 50));
      h.children([p, h.spouse(p)], 1);
      const sex = sexOf(rng, 0.35);
      h.add({ relation: sex === 1 ? '51' : '52', sex, age: h.members[p]!.age + rng.int(24, 34), surnameOf: sex === 1 ? p : null });
      break;
    }
    case 'three_gen5': {
      const p = h.head(sexOf(rng, 0.8), rng.int(52, 76));
      h.spouse(p);
      const sonAge = h.members[p]!.age - rng.int(23, 27);
      const son = h.add({ relation: '20', sex: 1, age: sonAge, surnameOf: p });
      h.spouse(son, '38');
      h.children([son, h.members.length - 1], 1, GRANDCHILD, 15);
      break;
    }
    case 'shared': {
      h.head(sexOf(rng, 0.6), rng.int(19, 40));
      for (let i = rng.int(1, 3); i > 0; i--) h.add({ relation: '99', sex: sexOf(rng, 0.6), age: rng.int(19, 40), surnameOf: null });
      break;
    }
  }
  return { kind, members: h.members };
}

const KIND_OF_SIZE: Record<number, HouseholdKind> = { 1: 'single_adult', 2: 'couple', 3: 'nuclear3', 4: 'nuclear4', 5: 'three_gen5' };

/** A household of exactly `size` (1–5) people, to land a community on its exact resident count. */
export function composeHouseholdOfSize(rng: Rng, size: number): HouseholdSpec {
  return composeHousehold(rng, KIND_OF_SIZE[size]!);
}
