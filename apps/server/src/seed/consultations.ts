import type { consultationVotes, consultations } from '../db/schema/index.js';
import type { SeedAreas } from './areas.js';
import type { SeedHousehold } from './people.js';
import type { Rng } from './rng.js';

const DAY = 86_400_000;
type Channel = 'online' | 'in_person' | 'paper';

/** The closed parking-allocation consultation of 鸿福家园: options, and the votes each takes by channel. */
export const HONGFU_PARKING = {
  compound: '鸿福家园',
  title: '鸿福家园地面停车位分配方案',
  quorum: 300,
  options: [
    { key: 'lottery', label: '全体住户摇号分配，一年一轮换', votes: { online: 121, in_person: 22, paper: 61 } },
    { key: 'priority', label: '老人、残疾人家庭优先，其余摇号', votes: { online: 48, in_person: 14, paper: 39 } },
    { key: 'first_come', label: '按登记先后顺序分配', votes: { online: 17, in_person: 6, paper: 21 } },
  ],
} as const;

/** Votes cast in all: 349 households (186 online, 42 in person, 121 on paper). */
export const HONGFU_PARKING_VOTES = HONGFU_PARKING.options.reduce((s, o) => s + o.votes.online + o.votes.in_person + o.votes.paper, 0);

export type DemoConsultationInput = {
  rng: Rng;
  now: Date;
  areas: SeedAreas;
  households: readonly SeedHousehold[];
  staffId: string;
};

/** A compound of Anping by name, and the scope ids of a topic put to it. */
export function anpingCompound(areas: SeedAreas, name: string) {
  const anping = areas.communities[0]!;
  const compound = anping.compounds.find((c) => c.name === name)!;
  const scope = {
    districtId: anping.node.districtId!,
    streetId: anping.node.streetId!,
    communityId: anping.node.id,
    areaId: compound.id,
    compoundId: compound.id,
  };
  return { anping, compound, scope };
}

/** 鸿福家园's closed and published parking consultation: one vote per household from both channels, recorded by Anping's staff. */
export function buildDemoConsultations(input: DemoConsultationInput) {
  const { rng, now } = input;
  const { compound, scope } = anpingCompound(input.areas, HONGFU_PARKING.compound);
  const homes = rng.shuffle(input.households.filter((h) => h.flat.building.compoundId === compound.id));
  const openedAt = new Date(now.getTime() - 51 * DAY);
  const closesAt = new Date(now.getTime() - 30 * DAY);
  const topic: typeof consultations.$inferInsert = {
    id: rng.uuid(),
    ...scope,
    title: HONGFU_PARKING.title,
    description:
      '鸿福家园新划地面停车位 120 个，住户车辆约 300 辆。经居民代表会议提议，按每户一票征求分配方案，线上投票与现场、纸质投票同时进行。',
    kind: 'parking',
    eligibility: 'compound_households',
    options: HONGFU_PARKING.options.map(({ key, label }) => ({ key, label })),
    quorum: HONGFU_PARKING.quorum,
    closesAt,
    eligibleAtClose: homes.length,
    publishedAt: new Date(closesAt.getTime() + DAY),
    createdBy: input.staffId,
    createdAt: openedAt,
  };
  const votes: (typeof consultationVotes.$inferInsert)[] = [];
  let next = 0;
  for (const o of HONGFU_PARKING.options)
    for (const channel of ['online', 'in_person', 'paper'] as const satisfies readonly Channel[])
      for (let i = 0; i < o.votes[channel]; i++) {
        const h = homes[next++]!;
        votes.push({
          id: rng.uuid(),
          consultationId: topic.id!,
          householdId: h.id,
          residentId: h.members[0]!.id,
          optionKey: o.key,
          channel,
          recordedBy: channel === 'online' ? null : input.staffId,
          castAt: new Date(openedAt.getTime() + rng.int(1, 20 * 24) * 3_600_000),
        });
      }
  return { topics: [topic], votes };
}
export type DemoConsultations = ReturnType<typeof buildDemoConsultations>;
