import type { HandlerOrgKind } from '@linli/contracts';
import { type SQL, and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { type Actor, assignmentsWith } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, handlerOrgs, roleAssignments } from '../../db/schema/index.js';
import { seesStreetOrgs } from './policy.js';

type Conn = Db | Tx;
export type OrgRow = typeof handlerOrgs.$inferSelect;

/** Orgs the actor may read: those serving their areas (street orgs reach the street's communities) and their own org. */
export function orgScope(actor: Actor): SQL {
  const parts: SQL[] = [scopeFilter(actor, 'orgs.read', scopeColumnsOf(handlerOrgs))];
  for (const a of assignmentsWith(actor, 'orgs.read')) {
    if (a.orgId) parts.push(eq(handlerOrgs.id, a.orgId));
    else if (seesStreetOrgs(a) && a.streetId) parts.push(and(isNull(handlerOrgs.communityId), eq(handlerOrgs.streetId, a.streetId))!);
  }
  return or(...parts)!;
}

const ORG_FIELDS = {
  id: handlerOrgs.id,
  kind: handlerOrgs.kind,
  name: handlerOrgs.name,
  phone: handlerOrgs.phone,
  areaId: handlerOrgs.areaId,
  areaName: areaNodes.name,
  districtId: handlerOrgs.districtId,
  streetId: handlerOrgs.streetId,
  communityId: handlerOrgs.communityId,
};

function selectOrgs(db: Conn, where: SQL | undefined) {
  return db
    .select(ORG_FIELDS)
    .from(handlerOrgs)
    .innerJoin(areaNodes, eq(areaNodes.id, handlerOrgs.areaId))
    .where(where)
    .orderBy(asc(handlerOrgs.name), asc(handlerOrgs.id));
}

export type OrgListRow = Awaited<ReturnType<typeof selectOrgs>>[number];

/** Orgs in the actor's scope, optionally of one kind and attached to one of `areaIds`. */
export function listOrgsInScope(db: Conn, actor: Actor, f: { kind?: HandlerOrgKind; areaIds?: string[] }): Promise<OrgListRow[]> {
  const byKind = f.kind ? eq(handlerOrgs.kind, f.kind) : undefined;
  const byArea = f.areaIds ? inArray(handlerOrgs.areaId, f.areaIds) : undefined;
  return selectOrgs(db, and(orgScope(actor), byKind, byArea));
}

export async function findOrg(db: Conn, id: string): Promise<OrgListRow | undefined> {
  const [row] = await selectOrgs(db, eq(handlerOrgs.id, id));
  return row;
}

export async function lockOrg(tx: Tx, id: string): Promise<OrgRow | undefined> {
  const [row] = await tx.select().from(handlerOrgs).where(eq(handlerOrgs.id, id)).for('update');
  return row;
}

export async function insertOrg(tx: Tx, values: typeof handlerOrgs.$inferInsert): Promise<string> {
  const [row] = await tx.insert(handlerOrgs).values(values).returning({ id: handlerOrgs.id });
  return row!.id;
}

export async function updateOrg(tx: Tx, id: string, patch: Partial<Pick<OrgRow, 'kind' | 'name' | 'phone'>>): Promise<void> {
  if (Object.keys(patch).length > 0) await tx.update(handlerOrgs).set(patch).where(eq(handlerOrgs.id, id));
}

export async function deleteOrgRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(handlerOrgs).where(eq(handlerOrgs.id, id));
}

export async function orgHasUsers(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: roleAssignments.id }).from(roleAssignments).where(eq(roleAssignments.orgId, id)).limit(1);
  return Boolean(row);
}
