import type { CareTagDto } from '@linli/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, careTagSettings } from '../../db/schema/index.js';
import { mergeCareTags } from './presenter.js';

type Conn = Db | Tx;
export type CareTagSettingRow = typeof careTagSettings.$inferSelect;

/** The care-tag settings of the given communities (of every community that has any when omitted). */
export async function loadCareTagSettings(db: Conn, communityIds?: readonly string[]): Promise<CareTagSettingRow[]> {
  if (communityIds && communityIds.length === 0) return [];
  return db
    .select()
    .from(careTagSettings)
    .where(communityIds ? inArray(careTagSettings.communityId, [...communityIds]) : undefined)
    .orderBy(careTagSettings.communityId, careTagSettings.code);
}

export async function lockCareTagSetting(tx: Tx, communityId: string, code: string): Promise<CareTagSettingRow | undefined> {
  const [row] = await tx
    .select()
    .from(careTagSettings)
    .where(and(eq(careTagSettings.communityId, communityId), eq(careTagSettings.code, code)))
    .for('update');
  return row;
}

export async function upsertCareTagSetting(tx: Tx, values: typeof careTagSettings.$inferInsert): Promise<void> {
  const { communityId: _c, code: _k, ...rest } = values;
  await tx
    .insert(careTagSettings)
    .values(values)
    .onConflictDoUpdate({ target: [careTagSettings.communityId, careTagSettings.code], set: { ...rest, updatedAt: new Date() } });
}

/** A community node with its scope ids, or undefined (also for nodes of other kinds). */
export async function findCommunity(db: Conn, id: string) {
  const [row] = await db
    .select({ id: areaNodes.id, districtId: areaNodes.districtId, streetId: areaNodes.streetId, communityId: areaNodes.communityId })
    .from(areaNodes)
    .where(and(eq(areaNodes.id, id), eq(areaNodes.kind, 'community')));
  return row;
}
export type CommunityRef = NonNullable<Awaited<ReturnType<typeof findCommunity>>>;

/** The tags a community uses: the defaults with its own settings laid over them (other modules read this). */
export async function careTagsOf(db: Conn, communityId: string): Promise<CareTagDto[]> {
  return mergeCareTags(await loadCareTagSettings(db, [communityId]));
}
