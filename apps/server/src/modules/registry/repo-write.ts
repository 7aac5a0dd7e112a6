import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/pool.js';
import { households, registryHistory, residents } from '../../db/schema/index.js';
import type { FieldChange } from './history.js';

export type HouseholdInsert = typeof households.$inferInsert;
export type ResidentInsert = typeof residents.$inferInsert;
export type ResidentPatch = Partial<Omit<ResidentInsert, 'id' | 'householdId'>>;
export type HouseholdPatch = Partial<Omit<HouseholdInsert, 'id'>>;

export async function insertHousehold(tx: Tx, values: HouseholdInsert): Promise<void> {
  await tx.insert(households).values(values);
}

export async function insertResidents(tx: Tx, values: ResidentInsert[]): Promise<void> {
  if (values.length > 0) await tx.insert(residents).values(values);
}

export async function updateResidentRow(tx: Tx, id: string, patch: ResidentPatch): Promise<void> {
  await tx
    .update(residents)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(residents.id, id));
}

export async function updateHouseholdRow(tx: Tx, id: string, patch: HouseholdPatch): Promise<void> {
  await tx
    .update(households)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(households.id, id));
}

/** The active members of a household, locked: a household move touches all of them. */
export async function lockActiveMembers(tx: Tx, householdId: string) {
  return tx
    .select({ id: residents.id, status: residents.status, movedOutOn: residents.movedOutOn })
    .from(residents)
    .where(and(eq(residents.householdId, householdId), eq(residents.status, 'active')))
    .for('update');
}

export async function updateMembers(tx: Tx, ids: string[], patch: ResidentPatch): Promise<void> {
  if (ids.length > 0)
    await tx
      .update(residents)
      .set({ ...patch, updatedAt: new Date() })
      .where(inArray(residents.id, ids));
}

/** Every resident of a household (moved out and deceased too) follows it to a new flat. */
export async function moveAllMembers(tx: Tx, householdId: string, scope: ResidentPatch): Promise<void> {
  await tx
    .update(residents)
    .set({ ...scope, updatedAt: new Date() })
    .where(eq(residents.householdId, householdId));
}

export type HistoryInsert = {
  action: string;
  entityType: 'household' | 'resident';
  entityId: string;
  householdId: string;
  scope: { communityId: string; streetId: string; districtId: string };
  changes: FieldChange[];
};

export async function insertHistory(tx: Tx, actor: { userId: string; displayName: string }, entries: HistoryInsert[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(registryHistory).values(
    entries.map((e) => ({
      actorId: actor.userId,
      actorName: actor.displayName,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      householdId: e.householdId,
      communityId: e.scope.communityId,
      streetId: e.scope.streetId,
      districtId: e.scope.districtId,
      changes: e.changes,
    })),
  );
}
