import type { CareTag } from '@linli/contracts';
import { nameInitials } from '../core/person.js';
import type { SeedCommunity, SeedFlat } from './areas.js';
import { type HouseholdKind, type HouseholdSpec, type Sex, composeHousehold, composeHouseholdOfSize } from './households.js';
import { LOCAL_AREA_CODE, ORIGIN_AREA_CODES, birthDateForAge, makeIdNumber, makeMobile } from './ids.js';
import { givenName, pickSurname } from './names.js';
import { RENTER_KINDS } from './plan.js';
import type { Rng } from './rng.js';

export type ResidentType = 'registered' | 'floating' | 'away' | 'overseas';
export type Tenure = 'owner' | 'rented';

export type SeedPerson = {
  id: string;
  name: string;
  nameInitials: string;
  sex: Sex;
  age: number;
  birthDate: string;
  relation: string;
  residentType: ResidentType;
  idNumber: string;
  phone: string | null;
  political: string;
  ethnicity: string;
  tags: CareTag[];
  partyOrgId: string | null;
};

export type SeedHousehold = {
  id: string;
  community: SeedCommunity;
  flat: SeedFlat;
  tenure: Tenure;
  kind: HouseholdKind;
  members: SeedPerson[];
  tags: CareTag[];
};

export type PeopleContext = { rng: Rng; now: Date; usedIds: Set<string>; usedPhones: Set<string> };

/** GB/T 3304: Han mostly; Hui, Manchu, Miao, Tujia, Zhuang now and then. */
const ETHNICITIES = [
  ['01', 985],
  ['03', 5],
  ['11', 3],
  ['06', 2],
  ['15', 2],
  ['08', 3],
] as const;

/** Household specs whose sizes add up to exactly `plan.residents`. */
function planHouseholds(rng: Rng, community: SeedCommunity): { tenure: Tenure; spec: HouseholdSpec }[] {
  const { plan } = community;
  const out: { tenure: Tenure; spec: HouseholdSpec }[] = [];
  for (let sum = 0; sum < plan.residents;) {
    const tenure: Tenure = rng.chance(plan.rentedShare) ? 'rented' : 'owner';
    let spec = composeHousehold(rng, rng.weighted(tenure === 'rented' ? RENTER_KINDS : plan.ownerKinds));
    if (sum + spec.members.length > plan.residents) spec = composeHouseholdOfSize(rng, plan.residents - sum);
    sum += spec.members.length;
    out.push({ tenure, spec });
  }
  return out;
}

function residentTypes(rng: Rng, community: SeedCommunity, tenure: Tenure, spec: HouseholdSpec): ResidentType[] {
  if (tenure === 'rented') {
    const type: ResidentType = rng.chance(0.94) ? 'floating' : 'registered';
    return spec.members.map(() => type);
  }
  const headType = rng.weighted(community.plan.ownerTypes);
  return spec.members.map((m, i) => {
    // adults other than the head (a daughter-in-law from elsewhere, a son working abroad) may differ
    const t = i > 0 && m.age >= 18 && rng.chance(0.3) ? rng.weighted(community.plan.ownerTypes) : headType;
    return t === 'overseas' && (m.age < 18 || m.age > 50) ? 'registered' : t;
  });
}

function makePerson(
  ctx: PeopleContext,
  m: HouseholdSpec['members'][number],
  surname: string,
  residentType: ResidentType,
  area: string,
): SeedPerson {
  const { rng } = ctx;
  const birthDate = birthDateForAge(rng, m.age, ctx.now);
  const name = surname + givenName(rng, m.sex, Number(birthDate.slice(0, 4)));
  const hasPhone = m.age >= 18 && rng.chance(m.age >= 80 ? 0.6 : 0.97);
  return {
    id: rng.uuid(),
    name,
    nameInitials: nameInitials(name),
    sex: m.sex,
    age: m.age,
    birthDate,
    relation: m.relation,
    residentType,
    idNumber: makeIdNumber(rng, residentType === 'floating' ? area : LOCAL_AREA_CODE, birthDate, m.sex, ctx.usedIds),
    phone: hasPhone ? makeMobile(rng, ctx.usedPhones) : null,
    political: m.age >= 14 && m.age <= 28 && rng.chance(0.45) ? '03' : '13',
    ethnicity: rng.weighted(ETHNICITIES),
    tags: [],
    partyOrgId: null,
  };
}

/** Fills a community's flats with households whose members add up to its exact resident count; the rest stay vacant. */
export function populateCommunity(ctx: PeopleContext, community: SeedCommunity): SeedHousehold[] {
  const { rng } = ctx;
  const planned = planHouseholds(rng, community);
  const flats = rng.shuffle(community.buildings.flatMap((b) => b.flats));
  if (planned.length > flats.length) throw new Error(`${community.plan.name}: ${planned.length} households but only ${flats.length} flats`);
  return planned.map(({ tenure, spec }, i) => {
    const types = residentTypes(rng, community, tenure, spec);
    const origin = rng.pick(ORIGIN_AREA_CODES);
    const surnames: string[] = [];
    const members = spec.members.map((m, k) => {
      surnames[k] = m.surnameOf === null ? pickSurname(rng) : surnames[m.surnameOf]!;
      const area = tenure === 'rented' || k === 0 ? origin : rng.pick(ORIGIN_AREA_CODES);
      return makePerson(ctx, m, surnames[k]!, types[k]!, area);
    });
    return { id: rng.uuid(), community, flat: flats[i]!, tenure, kind: spec.kind, members, tags: [] };
  });
}
