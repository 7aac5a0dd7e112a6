import { CARE_TAG_VISIT_DAYS } from './care-tags.js';

/** Visit dates are local dates of the communities served. */
export const VISIT_TIME_ZONE = 'Asia/Shanghai';

/** Days between visits per care-tag code; null when the tag asks for no visits (or is switched off). */
export type VisitIntervals = ReadonlyMap<string, number | null>;

/** A community's own setting for a tag, as care-tag settings store it. */
export type TagIntervalSetting = { code: string; visitEveryDays: number | null; active: boolean };

/** The defaults of CARE_TAG_VISIT_DAYS with a community's settings laid over them. */
export function visitIntervals(settings: readonly TagIntervalSetting[] = []): VisitIntervals {
  const map = new Map<string, number | null>(Object.entries(CARE_TAG_VISIT_DAYS));
  for (const s of settings) map.set(s.code, s.active ? s.visitEveryDays : null);
  return map;
}

export type TagInterval = { tag: string; days: number };

/** The tags that ask for visits with their intervals, most demanding first; duplicates collapse. */
export function tagIntervals(tags: readonly string[], intervals: VisitIntervals): TagInterval[] {
  const out: TagInterval[] = [];
  for (const tag of new Set(tags)) {
    const days = intervals.get(tag);
    if (days != null && days > 0) out.push({ tag, days });
  }
  return out.sort((a, b) => a.days - b.days || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

const DAY_MS = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The calendar date of `at` in the communities' time zone, as YYYY-MM-DD. */
export function localDate(at: Date = new Date(), timeZone: string = VISIT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export type VisitState = {
  everyDays: number | null;
  nextVisitDue: string | null;
  /** 0 unless the due date has passed */
  daysOverdue: number;
  /** tags whose own interval has passed, most demanding first */
  reasonTags: string[];
};

/**
 * Where a household stands. Its tags are its own plus its active members'; the shortest interval
 * applies, counted from the last visit. A household never visited is due from `since` (the day it came
 * under care: its registration, the only date the registry keeps for its tags), not one interval later.
 */
export function visitState(input: {
  tags: readonly string[];
  intervals: VisitIntervals;
  lastVisitOn: string | null;
  since: string;
  today: string;
}): VisitState {
  const needs = tagIntervals(input.tags, input.intervals);
  if (needs.length === 0) return { everyDays: null, nextVisitDue: null, daysOverdue: 0, reasonTags: [] };
  const neverVisited = input.lastVisitOn === null;
  const base = input.lastVisitOn ?? input.since;
  const everyDays = needs[0]!.days;
  const grace = (days: number) => (neverVisited ? 0 : days);
  const elapsed = daysBetween(base, input.today);
  return {
    everyDays,
    nextVisitDue: addDays(base, grace(everyDays)),
    daysOverdue: Math.max(0, elapsed - grace(everyDays)),
    reasonTags: needs.filter((n) => elapsed > grace(n.days)).map((n) => n.tag),
  };
}
