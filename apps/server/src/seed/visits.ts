import { type VisitKind, type VisitNeed, addDays, localDate, tagIntervals, visitIntervals } from '@linli/contracts';
import type { householdLastVisits, visits } from '../db/schema/index.js';
import { buildingPlace } from './areas.js';
import type { SeedHousehold } from './people.js';
import type { Rng } from './rng.js';

type VisitInsert = typeof visits.$inferInsert;
type LastVisitInsert = typeof householdLastVisits.$inferInsert;

/** Who visits a household: the grid's own worker where the demo has one, else the community's staff user. */
export type VisitorPick = (h: SeedHousehold) => string;

const NOTES = [
  '身体状况良好，精神不错',
  '血压偏高，已提醒按时服药',
  '家中整洁，水电燃气安全',
  '子女本周来探望过',
  '行动不便，需要定期上门',
  '电话联系，老人说一切都好',
];
const NEEDS = ['希望有人帮忙买菜', '卫生间需要加装扶手', '想了解助餐服务', '楼道灯坏了', '需要代办医保报销'];
const KINDS: readonly (readonly [VisitKind, number])[] = [
  ['home', 70],
  ['phone', 25],
  ['other', 5],
];

/** The demo's visiting history, and its figures for the seed test. */
export type DemoVisits = {
  visits: VisitInsert[];
  lastVisits: LastVisitInsert[];
  /** cared-for households (some tag asks for visits) left unvisited on purpose */
  neverVisited: string[];
  /** visited, but the last visit is older than the shortest interval: overdue on the seed's day */
  overdue: string[];
};

/**
 * A year-like history of 走访 for the households whose care tags ask for visits (by the default intervals):
 * about one in six never visited (due since they came under care), about one in four of the rest overdue by
 * 1–20 days, the others visited within their interval; earlier visits go back one interval at a time.
 */
export function buildDemoVisits(input: { rng: Rng; now: Date; households: readonly SeedHousehold[]; visitorOf: VisitorPick }): DemoVisits {
  const { rng, households, visitorOf } = input;
  const today = localDate(input.now);
  const defaults = visitIntervals();
  const out: DemoVisits = { visits: [], lastVisits: [], neverVisited: [], overdue: [] };
  for (const h of households) {
    const tags = [...h.tags, ...h.members.flatMap((m) => m.tags)];
    const every = tagIntervals(tags, defaults)[0]?.days;
    if (!every) continue;
    if (rng.chance(1 / 6)) {
      out.neverVisited.push(h.id);
      continue;
    }
    const late = rng.chance(1 / 4);
    let on = addDays(today, -(late ? every + rng.int(1, 20) : rng.int(0, every - 1)));
    if (late) out.overdue.push(h.id);
    out.lastVisits.push({ householdId: h.id, lastVisitedOn: on });
    const count = Math.min(rng.int(1, 4), Math.max(1, Math.floor(180 / every)));
    for (let i = 0; i < count; i++) {
      out.visits.push(visitRow(rng, h, visitorOf(h), on));
      on = addDays(on, -(every - rng.int(0, Math.floor(every / 4))));
    }
  }
  return out;
}

function visitRow(rng: Rng, h: SeedHousehold, visitorId: string, visitedOn: string): VisitInsert {
  const b = h.flat.building;
  const needs: VisitNeed[] = rng.chance(0.12)
    ? [{ text: rng.pick(NEEDS), status: rng.chance(0.5) ? 'resolved' : 'open', orderId: null }]
    : [];
  return {
    id: rng.uuid(),
    householdId: h.id,
    ...buildingPlace(b),
    visitorId,
    visitedOn,
    kind: rng.weighted(KINDS),
    notes: rng.pick(NOTES),
    needs,
    createdAt: new Date(`${visitedOn}T10:30:00+08:00`),
  };
}

type DemoUserRows = {
  userRows: readonly { id?: string; username: string }[];
  assignmentRows: readonly { userId: string; areaId?: string | null }[];
};

/** The demo's visitors: lvyang-grid in their grid, each community's staff user elsewhere. */
export function demoVisitorOf(users: DemoUserRows): VisitorPick {
  const idOf = (username: string) => users.userRows.find((u) => u.username === username)!.id!;
  const areaOf = (username: string) => users.assignmentRows.find((a) => a.userId === idOf(username))!.areaId!;
  const gridWorker = { grid: areaOf('lvyang-grid'), id: idOf('lvyang-grid') };
  const staffOf = new Map(['anping-staff', 'lvyang-staff'].map((u) => [areaOf(u), idOf(u)]));
  return (h) => (h.flat.building.gridId === gridWorker.grid ? gridWorker.id : staffOf.get(h.flat.building.communityId!)!);
}
