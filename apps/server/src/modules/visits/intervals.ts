import { type TagIntervalSetting, type VisitIntervals, visitIntervals } from '@linli/contracts';

/** Each community's own care-tag settings; communities without settings follow the defaults. */
export type CommunitySettings = ReadonlyMap<string, readonly TagIntervalSetting[]>;

export function intervalsFor(settings: CommunitySettings, communityId: string): VisitIntervals {
  return visitIntervals(settings.get(communityId) ?? []);
}

/** The same rules for SQL: `d` the defaults, `c` each community's settings by id (null: the tag asks for no visits). */
export type IntervalRules = { d: Record<string, number | null>; c: Record<string, Record<string, number | null>> };

export function intervalRules(settings: CommunitySettings): IntervalRules {
  const c: IntervalRules['c'] = {};
  for (const [communityId, list] of settings) {
    const merged = visitIntervals(list);
    c[communityId] = Object.fromEntries(list.map((s) => [s.code, merged.get(s.code) ?? null]));
  }
  return { d: Object.fromEntries(visitIntervals()), c };
}
