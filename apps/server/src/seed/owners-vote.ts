import type { consultationVotes, consultations, flatOwners } from '../db/schema/index.js';
import type { FlatInsert } from './areas.js';
import { type DemoConsultationInput, anpingCompound } from './consultations.js';

const DAY = 86_400_000;

/** 鸿福家园's owners' vote on renewing its property company: who takes part, how they choose, by which channel. */
export const HONGFU_OWNERS_VOTE = {
  compound: '鸿福家园',
  title: '鸿福家园续聘物业服务企业',
  /** shares of the owner-occupied flats: taking part, then consenting / refusing (the rest abstain) */
  turnout: 0.8,
  yes: 0.84,
  no: 0.1,
  /** share of the participants voting online; the others hand in paper ballots at the desk */
  online: 0.55,
  options: [
    { key: 'yes', label: '同意续聘现物业服务企业' },
    { key: 'no', label: '不同意续聘' },
    { key: 'abstain', label: '弃权' },
  ],
} as const;

/**
 * 鸿福家园's exclusive parts and owners, and one closed, published owners' vote (Civil Code art. 278) with online and
 * paper ballots: every flat gets a floor area (55–140 m²); owner-occupied households own their flat (landlords of rented
 * flats are not in the registry, so those flats are outside the base).
 */
export function buildHongfuOwnersVote(input: DemoConsultationInput) {
  const { rng, now } = input;
  const V = HONGFU_OWNERS_VOTE;
  const { anping, compound, scope } = anpingCompound(input.areas, V.compound);
  const flatAreas = new Map<string, number>();
  for (const b of anping.buildings.filter((x) => x.compoundId === compound.id))
    for (const f of b.flats) flatAreas.set(f.id, rng.int(5500, 14000) / 100);
  const owners = input.households.filter((h) => h.flat.building.compoundId === compound.id && h.tenure === 'owner');
  const ownerRows: (typeof flatOwners.$inferInsert)[] = owners.map((h) => ({
    flatId: h.flat.id,
    householdId: h.id,
    communityId: scope.communityId,
    streetId: scope.streetId,
    districtId: scope.districtId,
  }));
  const openedAt = new Date(now.getTime() - 26 * DAY);
  const closesAt = new Date(now.getTime() - 12 * DAY);
  const base = {
    areaCm: owners.reduce((s, h) => s + Math.round(flatAreas.get(h.flat.id)! * 100), 0),
    owners: owners.length,
    flats: owners.length,
  };
  const topic: typeof consultations.$inferInsert = {
    id: rng.uuid(),
    ...scope,
    title: V.title,
    description:
      '现物业服务合同期满。经业主大会筹备组提议，由业主共同决定是否续聘（《民法典》第二百七十八条：专有部分面积和人数均占三分之二以上的业主参与表决，经参与表决专有部分面积过半数且人数过半数的业主同意）。线上表决与纸质表决票同时进行。',
    kind: 'property_selection',
    eligibility: 'owners',
    options: V.options.map(({ key, label }) => ({ key, label })),
    quorum: 1,
    closesAt,
    eligibleAtClose: base.flats,
    ownerBaseAtClose: base,
    publishedAt: new Date(closesAt.getTime() + DAY),
    createdBy: input.staffId,
    createdAt: openedAt,
  };
  const voters = rng.shuffle([...owners]).slice(0, Math.ceil(owners.length * V.turnout));
  const yes = Math.round(voters.length * V.yes);
  const no = Math.round(voters.length * V.no);
  const online = Math.round(voters.length * V.online);
  const votes: (typeof consultationVotes.$inferInsert)[] = voters.map((h, i) => ({
    id: rng.uuid(),
    consultationId: topic.id!,
    householdId: h.id,
    residentId: h.members[0]!.id,
    flatId: h.flat.id,
    optionKey: i < yes ? 'yes' : i < yes + no ? 'no' : 'abstain',
    channel: rng.next() < online / voters.length ? 'online' : 'paper',
    recordedBy: null,
    castAt: new Date(openedAt.getTime() + rng.int(1, 13 * 24) * 3_600_000),
  }));
  for (const v of votes) if (v.channel === 'paper') v.recordedBy = input.staffId;
  return { flatAreas, owners: ownerRows, topics: [topic], votes };
}
export type DemoOwnersVote = ReturnType<typeof buildHongfuOwnersVote>;

/** The flats to insert, with the floor areas the owners' vote weighs. */
export function withFloorAreas(rows: readonly FlatInsert[], areas: ReadonlyMap<string, number>): FlatInsert[] {
  return rows.map((f) => (f.id && areas.has(f.id) ? { ...f, floorAreaM2: areas.get(f.id)! } : f));
}
