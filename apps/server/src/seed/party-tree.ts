import type { Education, Employment } from '@linli/contracts';
import type { Pii } from '../core/pii.js';
import type { partyMembers } from '../db/schema/index.js';
import type { SeedCommunity } from './areas.js';
import { makeMobile } from './ids.js';
import { givenName, pickSurname } from './names.js';
import type { PartyOrgInsert, seedParty } from './party.js';
import type { SeedHousehold, SeedPerson } from './people.js';
import type { Rng } from './rng.js';

export type PartyMemberInsert = typeof partyMembers.$inferInsert;
type CommunityParty = ReturnType<typeof seedParty> & { community: SeedCommunity };
type Chosen = { p: SeedPerson; h: SeedHousehold };

/**
 * Green Yangyuan's four levels: under each grid branch a party group per compound the grid reaches, and under
 * each group a red post (楼栋红色驿站) per building; its members move from the branch to their group.
 */
function addGroupsAndRedPosts(rng: Rng, party: CommunityParty): Map<string, string> {
  const { community, rows } = party;
  const redPostOf = new Map<string, string>();
  const branchOfGrid = new Map(rows.filter((r) => r.kind === 'branch').map((r) => [r.areaId, r]));
  const groupOf = new Map<string, PartyOrgInsert>();
  for (const b of community.buildings) {
    const branch = branchOfGrid.get(b.gridId)!;
    const key = `${b.gridId}/${b.compoundId}`;
    if (!groupOf.has(key)) {
      const compound = community.compounds.find((c) => c.id === b.compoundId)!;
      const group = {
        ...branch,
        id: rng.uuid(),
        kind: 'group' as const,
        parentId: branch.id,
        name: `${branch.name.replace('党支部', '')}${compound.name}党小组`,
      };
      groupOf.set(key, group);
      rows.push(group);
    }
    const group = groupOf.get(key)!;
    const id = rng.uuid();
    const compound = community.compounds.find((c) => c.id === b.compoundId)!;
    rows.push({
      ...group,
      id,
      kind: 'red_post',
      parentId: group.id,
      areaId: b.id,
      compoundId: b.compoundId,
      buildingId: b.id,
      name: `${compound.name}${b.name}红色驿站`,
    });
    redPostOf.set(b.id, id);
  }
  for (const { p, h } of party.chosen) p.partyOrgId = groupOf.get(`${h.flat.building.gridId}/${h.flat.building.compoundId}`)!.id!;
  return redPostOf;
}

const EDU_BY_AGE: Record<'old' | 'mid' | 'young', readonly (readonly [Education, number])[]> = {
  old: [
    ['primary', 30],
    ['junior_high', 40],
    ['senior_high', 20],
    ['vocational', 10],
  ],
  mid: [
    ['junior_high', 25],
    ['senior_high', 30],
    ['vocational', 20],
    ['college', 25],
  ],
  young: [
    ['senior_high', 15],
    ['vocational', 25],
    ['college', 60],
  ],
};

/**
 * Education of a community's members. Green Yangyuan's seed names 27 bachelor's degrees and 3 postgraduates, so
 * exactly those are drawn (from members of working age) and nobody else gets either; Anping's share is free.
 */
function educations(rng: Rng, chosen: readonly Chosen[], exact: boolean): Map<string, Education> {
  const out = new Map<string, Education>();
  const band = (age: number) => (age >= 65 ? 'old' : age >= 40 ? 'mid' : 'young');
  if (exact) {
    const working = rng.shuffle(chosen.filter(({ p }) => p.age >= 24 && p.age <= 60));
    working.slice(0, 3).forEach(({ p }) => out.set(p.id, 'postgraduate'));
    working.slice(3, 30).forEach(({ p }) => out.set(p.id, 'bachelor'));
  }
  for (const { p } of chosen) {
    if (out.has(p.id)) continue;
    if (!exact && p.age < 50 && rng.chance(0.3)) out.set(p.id, p.age < 40 && rng.chance(0.1) ? 'postgraduate' : 'bachelor');
    else out.set(p.id, rng.weighted(EDU_BY_AGE[band(p.age)]));
  }
  return out;
}

const employmentOf = (p: SeedPerson): Employment => (p.age >= (p.sex === 2 ? 55 : 60) ? 'retired' : p.age < 23 ? 'other' : 'in_service');
const yearsAgo = (now: Date, years: number, rng: Rng) =>
  new Date(Date.UTC(now.getUTCFullYear() - years, rng.int(0, 11), rng.int(1, 28))).toISOString().slice(0, 10);

const WORK_UNITS = ['扬州市邗江区税务局', '扬州市自然资源和规划局', '邗江区人民医院', '扬州市第一中学', '国网扬州供电公司', '邗江区城管局'];
const COMMITMENTS = ['每月参加一次网格志愿服务', '结对帮扶一户困难家庭', '参与楼栋议事协商', '周末参与文明督导'];

/** In-service members of other units reporting to the community (在职党员进社区): no resident record here. */
function reportingMembers(rng: Rng, community: SeedCommunity, orgId: string, count: number, now: Date, pii: Pii): PartyMemberInsert[] {
  const phones = new Set<string>();
  return Array.from({ length: count }, () => {
    const sex = rng.chance(0.5) ? 1 : 2;
    const age = rng.int(28, 55);
    const phone = makeMobile(rng, phones);
    return {
      id: rng.uuid(),
      orgId,
      name: pickSurname(rng) + givenName(rng, sex, now.getUTCFullYear() - age),
      sex,
      birthDate: yearsAgo(now, age, rng),
      phoneEnc: pii.encrypt(phone),
      phoneTail: phone.slice(-4),
      standing: 'full' as const,
      joinedOn: yearsAgo(now, rng.int(3, age - 22), rng),
      education: rng.chance(0.7) ? ('bachelor' as const) : ('postgraduate' as const),
      employment: 'in_service' as const,
      registration: 'reporting' as const,
      residentId: null,
      flow: 'none' as const,
      workUnit: rng.pick(WORK_UNITS),
      reportedOn: yearsAgo(now, rng.int(0, 3), rng),
      commitments: rng.pick(COMMITMENTS),
      communityId: community.node.id,
      streetId: community.node.streetId!,
      districtId: community.node.districtId!,
    };
  });
}

/**
 * The demo's membership records, from a generator of its own (so the rest of the demo stays as it was): the tree's
 * lower levels, each member's record with joined date, education and employment, a secretary per branch, and
 * in-service members reporting to each community.
 */
export function seedPartyMembers(rng: Rng, parties: CommunityParty[], now: Date, pii: Pii) {
  const rows: PartyMemberInsert[] = [];
  const redPosts = new Map<string, string>();
  for (const party of parties) {
    const lvyang = party.community.plan.key === 'lvyang';
    if (lvyang) for (const [b, id] of addGroupsAndRedPosts(rng, party)) redPosts.set(b, id);
    const edu = educations(rng, party.chosen, lvyang);
    const own = party.chosen.map(({ p }) => ({
      id: rng.uuid(),
      orgId: p.partyOrgId!,
      residentId: p.id,
      // the batch insert takes its columns from the rows, so every row names every column
      ...{ name: null, sex: null, birthDate: null, phoneEnc: null, phoneTail: null, workUnit: null, reportedOn: null, commitments: null },
      registration: 'local' as const,
      standing: p.political === '02' ? ('probationary' as const) : ('full' as const),
      joinedOn: p.political === '02' ? yearsAgo(now, 0, rng) : yearsAgo(now, rng.int(1, Math.max(1, p.age - 18)), rng),
      education: edu.get(p.id)!,
      employment: employmentOf(p),
      flow: p.residentType === 'floating' ? ('flow_in' as const) : ('none' as const),
      communityId: party.community.node.id,
      streetId: party.community.node.streetId!,
      districtId: party.community.node.districtId!,
    }));
    rows.push(...own);
    const root = party.rows.find((r) => r.parentId === null)!;
    rows.push(...reportingMembers(rng, party.community, root.id!, lvyang ? 12 : 8, now, pii));
    for (const branch of party.rows.filter((r) => r.kind === 'branch' || r.parentId === null)) {
      const under = new Set([branch.id!]);
      for (const r of party.rows) if (r.parentId && under.has(r.parentId)) under.add(r.id!);
      const secretary = own.find((m) => under.has(m.orgId) && m.employment !== 'other');
      if (secretary) branch.secretaryMemberId = secretary.id;
    }
  }
  return { rows, redPosts };
}
