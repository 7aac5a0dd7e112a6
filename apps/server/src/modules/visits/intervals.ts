import { type TagIntervalSetting, type VisitIntervals, visitIntervals } from '@linli/contracts';
import { type SQL, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { careTagSettings } from '../../db/schema/index.js';

type Conn = Db | Tx;

/** Each community's own care-tag settings; communities without settings follow the defaults. */
export type CommunitySettings = ReadonlyMap<string, readonly TagIntervalSetting[]>;

/**
 * The one place visits learn how often a tag asks for a visit: the communities' care-tag settings
 * (all communities that have any when `communityIds` is omitted), laid over CARE_TAG_VISIT_DAYS.
 */
export async function loadTagSettings(db: Conn, communityIds?: readonly string[]): Promise<CommunitySettings> {
  if (communityIds?.length === 0) return new Map();
  const rows = await db
    .select({
      communityId: careTagSettings.communityId,
      code: careTagSettings.code,
      visitEveryDays: careTagSettings.visitEveryDays,
      active: careTagSettings.active,
    })
    .from(careTagSettings)
    .where(communityIds ? inArray(careTagSettings.communityId, [...communityIds]) : undefined);
  const out = new Map<string, TagIntervalSetting[]>();
  for (const { communityId, ...s } of rows) out.set(communityId, [...(out.get(communityId) ?? []), s]);
  return out;
}

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

const caseOf = (tag: SQL, m: Record<string, number | null>) =>
  sql`case ${tag} ${sql.join(
    Object.entries(m).map(([code, days]) => sql`when ${code} then ${days}::int`),
    sql` `,
  )} end`;

/** The same rules as one SQL expression: the interval of `tag` in `community` (a uuid), null when it asks for none. */
export function intervalSql(rules: IntervalRules, community: SQL, tag: SQL): SQL {
  const overrides = Object.entries(rules.c).map(
    ([id, m]) => sql`when ${community} = ${id}::uuid and ${tag} = any(${sql.param(Object.keys(m))}::text[]) then ${caseOf(tag, m)}`,
  );
  if (overrides.length === 0) return caseOf(tag, rules.d);
  return sql`case ${sql.join(overrides, sql` `)} else ${caseOf(tag, rules.d)} end`;
}
