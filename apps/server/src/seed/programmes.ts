import { type ProgrammeKind, addDays, localDate } from '@linli/contracts';
import type { programmeAttendance, programmeEnrolments, programmeSessions, programmes, socialWorkers } from '../db/schema/index.js';
import type { HandlerOrgInsert } from './orgs.js';
import type { SeedAreas } from './areas.js';
import type { SeedHousehold, SeedPerson } from './people.js';
import type { Rng } from './rng.js';

type Plan = {
  kind: ProgrammeKind;
  name: string;
  venue: string;
  provider: string;
  minAge: number | null;
  maxAge: number | null;
  tags: string[];
  enrolled: number;
  /** sessions held, one every `every` days back from the day before the seed */
  sessions: number;
  every: number;
};

const ELDERLY_ORG = '乐龄社会工作服务中心';
const YOUTH_ORG = '向阳花青少年服务社';
const APARTMENT = '绿扬新苑老年公寓';

/** Green Yangyuan's "one old, one young": the elderly apartment's services and the small dining table (figures the demo shows). */
export const LVYANG_PROGRAMMES: readonly Plan[] = [
  {
    kind: 'meal_aid',
    name: '长者助餐',
    venue: `${APARTMENT}一楼助餐点`,
    provider: ELDERLY_ORG,
    minAge: 60,
    maxAge: null,
    tags: [],
    enrolled: 48,
    sessions: 24,
    every: 7,
  },
  {
    kind: 'day_care',
    name: '老年公寓日间照料',
    venue: APARTMENT,
    provider: ELDERLY_ORG,
    minAge: 70,
    maxAge: null,
    tags: [],
    enrolled: 24,
    sessions: 24,
    every: 7,
  },
  {
    kind: 'rehabilitation',
    name: '康复理疗',
    venue: `${APARTMENT}康复室`,
    provider: ELDERLY_ORG,
    minAge: 60,
    maxAge: null,
    tags: [],
    enrolled: 16,
    sessions: 12,
    every: 14,
  },
  {
    kind: 'comfort_visit',
    name: '独居老人关爱探访',
    venue: '入户',
    provider: ELDERLY_ORG,
    minAge: 60,
    maxAge: null,
    tags: ['elderly_alone', 'empty_nest'],
    enrolled: 20,
    sessions: 12,
    every: 14,
  },
  {
    kind: 'elderly_education',
    name: '老年艺术团',
    venue: `${APARTMENT}多功能厅`,
    provider: ELDERLY_ORG,
    minAge: 55,
    maxAge: null,
    tags: [],
    enrolled: 36,
    sessions: 24,
    every: 7,
  },
  {
    kind: 'small_dining_table',
    name: '四点半小饭桌',
    venue: '社区活动中心二楼',
    provider: YOUTH_ORG,
    minAge: 6,
    maxAge: 12,
    tags: [],
    enrolled: 30,
    sessions: 40,
    every: 2,
  },
  {
    kind: 'tutoring',
    name: '课业辅导',
    venue: '社区活动中心二楼',
    provider: YOUTH_ORG,
    minAge: 6,
    maxAge: 15,
    tags: [],
    enrolled: 20,
    sessions: 20,
    every: 7,
  },
];
/** Everyone enrolled is enrolled once (the pools do not overlap), so the beneficiaries are the sum. */
export const LVYANG_BENEFICIARIES = LVYANG_PROGRAMMES.reduce((s, p) => s + p.enrolled, 0);
const ATTENDANCE = 0.85;

type Rows = {
  programmes: (typeof programmes.$inferInsert)[];
  enrolments: (typeof programmeEnrolments.$inferInsert)[];
  sessions: (typeof programmeSessions.$inferInsert)[];
  attendance: (typeof programmeAttendance.$inferInsert)[];
  workers: (typeof socialWorkers.$inferInsert)[];
};

/** The social workers of the two organisations (三社联动), with their qualifications. */
export const DEMO_SOCIAL_WORKERS = [
  { org: ELDERLY_ORG, name: '孙慧敏', qualification: 'intermediate', certificateNo: 'SG2019-32100871' },
  { org: ELDERLY_ORG, name: '钱志刚', qualification: 'assistant', certificateNo: 'SG2021-32101532' },
  { org: ELDERLY_ORG, name: '朱婷', qualification: 'assistant', certificateNo: 'SG2022-32102210' },
  { org: YOUTH_ORG, name: '陆晓雯', qualification: 'senior', certificateNo: 'SG2016-32100105' },
  { org: YOUTH_ORG, name: '蒋宇', qualification: 'none', certificateNo: null },
] as const;

const fits = (p: Plan, person: SeedPerson, h: SeedHousehold) =>
  (p.minAge === null || person.age > p.minAge) &&
  (p.maxAge === null || person.age < p.maxAge) &&
  (p.tags.length === 0 || p.tags.some((t) => (person.tags as readonly string[]).includes(t) || (h.tags as readonly string[]).includes(t)));

/** Programmes, enrolments (over the past year), sessions and attendance of Green Yangyuan. */
export function buildDemoProgrammes(input: {
  rng: Rng;
  now: Date;
  areas: SeedAreas;
  households: readonly SeedHousehold[];
  orgs: readonly HandlerOrgInsert[];
}): Rows {
  const { rng, areas } = input;
  const lvyang = areas.communities[1]!.node;
  const today = localDate(input.now);
  const people = rng.shuffle(
    input.households.filter((h) => h.community.node.id === lvyang.id).flatMap((h) => h.members.map((m) => ({ m, h }))),
  );
  const taken = new Set<string>();
  const rows: Rows = { programmes: [], enrolments: [], sessions: [], attendance: [], workers: [] };
  const scope = { communityId: lvyang.id, streetId: lvyang.streetId!, districtId: lvyang.districtId! };
  for (const plan of LVYANG_PROGRAMMES) {
    const id = rng.uuid();
    const provider = input.orgs.find((o) => o.name === plan.provider)!;
    rows.programmes.push({
      id,
      ...scope,
      kind: plan.kind,
      name: plan.name,
      providerOrgId: provider.id!,
      venue: plan.venue,
      eligibleTags: plan.tags,
      minAge: plan.minAge,
      maxAge: plan.maxAge,
    });
    const chosen = people.filter(({ m, h }) => !taken.has(m.id) && fits(plan, m, h)).slice(0, plan.enrolled);
    if (chosen.length < plan.enrolled) throw new Error(`demo: too few people for ${plan.name}`);
    const firstSession = addDays(today, -plan.every * plan.sessions);
    const enrolmentIds = chosen.map(({ m, h }) => {
      taken.add(m.id);
      const enrolmentId = rng.uuid();
      const b = h.flat.building;
      rows.enrolments.push({
        id: enrolmentId,
        programmeId: id,
        residentId: m.id,
        householdId: h.id,
        ...scope,
        gridId: b.gridId,
        enrolledOn: addDays(firstSession, -rng.int(1, 120)),
      });
      return enrolmentId;
    });
    for (let i = 0; i < plan.sessions; i++) {
      const sessionId = rng.uuid();
      rows.sessions.push({
        id: sessionId,
        programmeId: id,
        ...scope,
        heldOn: addDays(firstSession, i * plan.every),
        title: `${plan.name} 第${i + 1}次`,
      });
      for (const enrolmentId of enrolmentIds) if (rng.chance(ATTENDANCE)) rows.attendance.push({ sessionId, enrolmentId });
    }
  }
  for (const w of DEMO_SOCIAL_WORKERS) {
    const org = input.orgs.find((o) => o.name === w.org)!;
    rows.workers.push({
      id: rng.uuid(),
      orgId: org.id!,
      streetId: org.streetId,
      districtId: org.districtId,
      name: w.name,
      qualification: w.qualification,
      certificateNo: w.certificateNo,
    });
  }
  return rows;
}
