import { type ActivityKind, type VolunteerTeamKind, addDays, localDate } from '@linli/contracts';
import type { activities, volunteerHours, volunteerTeams, volunteers } from '../db/schema/index.js';
import type { SeedCommunity } from './areas.js';
import type { GeneratedDemo } from './generate.js';
import type { SeedPerson } from './people.js';
import { createRng } from './rng.js';

type TeamRow = typeof volunteerTeams.$inferInsert;
type VolunteerRow = typeof volunteers.$inferInsert;
type ActivityRow = typeof activities.$inferInsert;
type HoursRow = typeof volunteerHours.$inferInsert;
type DemoUserRef = { id: string; username: string; displayName: string };

const HOUR = 3600_000;
/** The days the seeded activities are held on: the 365 days up to the seeding day, that day left out. */
const HELD_DAYS = 364;
const isParty = (p: SeedPerson) => p.political === '01' || p.political === '02';
/** Local (Asia/Shanghai, UTC+8) time of day on a day counted from `first` (a local date), as a UTC instant. */
const at = (first: string, day: number, localHour: number) =>
  new Date(Date.parse(`${first}T00:00:00Z`) + (day * 24 + localHour - 8) * HOUR);

const SERVICE_TITLES = [
  '为独居老人打扫卫生',
  '义务理发',
  '政策宣传进楼栋',
  '环境整治',
  '助老送餐',
  '义诊测血压',
  '小区垃圾分类督导',
  '家电义务维修',
];
const CULTURAL_TITLES = ['广场舞展演', '戏曲票友会', '书法交流', '邻里合唱', '重阳文艺汇演', '消夏晚会'];
const PLACES = ['社区活动中心', '党群服务中心', '小区广场', '社区综合为民服务中心'];

/** Exactly `total` people spread over `n` activities, each at least `min`. */
function spread(rng: ReturnType<typeof createRng>, n: number, total: number, min: number): number[] {
  const out = Array<number>(n).fill(min);
  for (let left = total - n * min; left > 0; left--) out[rng.int(0, n - 1)]! += 1;
  return out;
}

/**
 * The demo's volunteering: teams (Anping's party volunteer service team and art team, Green Yangyuan's Red Butler
 * group of its party volunteers and an art team), a volunteer record for every resident the seed marked a volunteer,
 * a year of activities with the hours they gave, and long-serving volunteers' earlier hours for the star levels.
 * The year is the work report's default period: the 365 days up to the seeding day (China time), `first` = that day
 * − 364. Every held activity lies on days 0..363 of it and ends before the seeding moment, so the report of the
 * seeding day shows exactly Anping's 193 public-service activities serving 1,330 people and 27 literary and artistic
 * ones; the earlier hours and consents lie before `first`.
 */
export function buildDemoVolunteering(opts: {
  seed: number;
  demo: GeneratedDemo;
  volunteerIds: readonly string[];
  users: readonly DemoUserRef[];
  now: Date;
}) {
  const rng = createRng(opts.seed + 7);
  const { demo } = opts;
  const first = addDays(localDate(opts.now), -HELD_DAYS);
  const teams: TeamRow[] = [];
  const vols: VolunteerRow[] = [];
  const acts: ActivityRow[] = [];
  const hours: HoursRow[] = [];
  const scopeOf = (c: SeedCommunity) => ({ communityId: c.node.id, streetId: c.node.streetId!, districtId: c.node.districtId! });
  // batch inserts take a column from every row: a missing key would be stored as null, not as the default
  const actBlank = { organiserUserId: null, audienceAreaId: null, audienceTag: null, audienceTeamId: null, confirmedCount: 0 };
  const blank = {
    residentId: null,
    userId: null,
    phoneEnc: null,
    phoneTail: null,
    skills: [],
    availability: null,
    consentExtra: false,
    consentAt: null,
  };
  const orgId = (name: string) => demo.orgs.rows.find((o) => o.name === name)?.id ?? null;
  const team = (c: SeedCommunity, kind: VolunteerTeamKind, name: string) => {
    const row: TeamRow = { id: rng.uuid(), kind, name, handlerOrgId: orgId(name), leaderVolunteerId: null, ...scopeOf(c) };
    teams.push(row);
    return { row, members: [] as VolunteerRow[] };
  };
  const chosen = new Set(opts.volunteerIds);
  const people = demo.households.flatMap((h) => h.members.filter((p) => chosen.has(p.id)).map((p) => ({ p, c: h.community })));

  for (const c of demo.areas.communities) {
    const anping = c.plan.key === 'anping';
    const main = anping ? team(c, 'party_service', '安平社区党员志愿服务队') : team(c, 'red_butler', '红管家志愿服务队');
    const art = team(c, 'art_culture', anping ? '安平社区文艺队' : '绿扬新苑文艺团');
    const mine = people.filter((x) => x.c === c);
    mine.forEach(({ p }, i) => {
      const into = isParty(p) || (anping && i % 3 !== 0) ? main : art;
      const row: VolunteerRow = {
        ...blank,
        id: rng.uuid(),
        residentId: p.id,
        name: p.name,
        teamId: into.row.id,
        registeredBy: 'staff',
        ...scopeOf(c),
      };
      if (rng.chance(0.6))
        Object.assign(row, {
          consentExtra: true,
          consentAt: at(first, -rng.int(5, 365), 10),
          skills: [rng.pick(['理发', '维修', '医护', '文艺', '法律', '心理疏导'])],
        });
      vols.push(row);
      into.members.push(row);
    });
    const demoVolunteer = !anping && opts.users.find((u) => u.username === 'volunteer');
    if (demoVolunteer) {
      const row: VolunteerRow = {
        ...blank,
        id: rng.uuid(),
        userId: demoVolunteer.id,
        name: demoVolunteer.displayName,
        teamId: main.row.id,
        registeredBy: 'self',
        ...scopeOf(c),
      };
      vols.push(row);
      main.members.unshift(row);
    }
    main.row.leaderVolunteerId = main.members[0]?.id ?? null;
    art.row.leaderVolunteerId = art.members[0]?.id ?? null;

    const plan: { kind: ActivityKind; n: number; served: number; min: number; hour: number; per: number; len: number; by: typeof main }[] =
      anping
        ? [
            { kind: 'volunteer_service', n: 193, served: 1330, min: 3, hour: 9, per: 3, len: 2, by: main },
            { kind: 'cultural', n: 27, served: 1215, min: 20, hour: 19, per: 2, len: 2, by: art },
          ]
        : [
            { kind: 'volunteer_service', n: 48, served: 420, min: 4, hour: 14, per: 4, len: 2, by: main },
            { kind: 'cultural', n: 14, served: 560, min: 20, hour: 19, per: 2, len: 2, by: art },
            { kind: 'party_day', n: 12, served: 480, min: 25, hour: 9, per: 0, len: 2, by: main },
            { kind: 'micro_lecture', n: 8, served: 240, min: 20, hour: 15, per: 0, len: 1, by: main },
          ];
    let turn = 0;
    for (const p of plan) {
      const served = spread(rng, p.n, p.served, p.min);
      for (let i = 0; i < p.n; i++) {
        const day = Math.floor((i * HELD_DAYS) / p.n);
        const startsAt = at(first, day, p.hour);
        const endsAt = new Date(startsAt.getTime() + p.len * HOUR);
        const titles = p.kind === 'cultural' ? CULTURAL_TITLES : SERVICE_TITLES;
        const title = p.kind === 'party_day' ? '主题党日' : p.kind === 'micro_lecture' ? '微党课' : titles[i % titles.length]!;
        const id = rng.uuid();
        const place = PLACES[i % PLACES.length]!;
        const organiser = anping ? '安平社区党委' : '绿扬新苑社区党总支';
        acts.push({
          ...actBlank,
          id,
          kind: p.kind,
          title,
          organiser,
          teamId: p.by.row.id,
          place,
          startsAt,
          endsAt,
          capacity: Math.max(p.per, 1) * 3,
          checkinCode: String(rng.int(0, 999_999)).padStart(6, '0'),
          status: 'held',
          peopleServed: served[i]!,
          ...scopeOf(c),
        });
        for (let k = 0; k < Math.min(p.per, p.by.members.length); k++) {
          const v = p.by.members[turn++ % p.by.members.length]!;
          hours.push({
            volunteerId: v.id!,
            activityId: id,
            source: 'checkin',
            status: 'verified',
            startsAt,
            endsAt,
            hours: p.len,
            place,
            content: title,
            peopleServed: served[i]!,
            organiser,
            ...scopeOf(c),
          });
        }
      }
    }
    // long-serving volunteers: weekly half-days in the years before, enough for every star level
    const targets = [1520, 1040, 620, 610, 320, 300, 104, 100];
    main.members.slice(0, targets.length).forEach((v, n) => {
      for (let w = 0; w < targets[n]! / 4; w++) {
        const startsAt = at(first, -7 * (w + 1), 8);
        hours.push({
          volunteerId: v.id!,
          activityId: null,
          place: null,
          peopleServed: 0,
          source: 'organiser',
          status: 'verified',
          startsAt,
          endsAt: new Date(startsAt.getTime() + 4 * HOUR),
          hours: 4,
          content: '日常志愿服务',
          organiser: main.row.name,
          ...scopeOf(c),
        });
      }
    });
    // coming up: open for sign-up from the portal
    for (let i = 0; i < 2; i++) {
      const startsAt = new Date(Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate() + 3 + i * 4, 1));
      acts.push({
        ...actBlank,
        id: rng.uuid(),
        kind: i === 0 ? 'volunteer_service' : 'cultural',
        title: i === 0 ? SERVICE_TITLES[0]! : CULTURAL_TITLES[0]!,
        organiser: anping ? '安平社区党委' : '绿扬新苑社区党总支',
        teamId: (i === 0 ? main : art).row.id,
        place: PLACES[0]!,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * HOUR),
        capacity: 20,
        status: 'open',
        peopleServed: 0,
        checkinCode: String(rng.int(0, 999_999)).padStart(6, '0'),
        ...scopeOf(c),
      });
    }
  }
  return { first, teams, volunteers: vols, activities: acts, hours };
}
