import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { scopeIdsOf } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, partyMembers, partyOrgs, posts } from '../../db/schema/index.js';

type Conn = Db | Tx;
export type PartyOrgRow = typeof partyOrgs.$inferSelect;
export type AreaRow = typeof areaNodes.$inferSelect;

export async function findArea(db: Conn, id: string): Promise<AreaRow | undefined> {
  return (await findAreas(db, [id]))[0];
}

export async function findAreas(db: Conn, ids: readonly string[]): Promise<AreaRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(areaNodes)
    .where(inArray(areaNodes.id, [...ids]));
}

/** The scope ids a row bound to `area` carries (its community, street and district are never null). */
export function scopeOfArea(area: AreaRow) {
  return { ...scopeIdsOf(area), communityId: area.communityId!, streetId: area.streetId!, districtId: area.districtId! };
}

export async function findPartyOrg(db: Conn, id: string): Promise<PartyOrgRow | undefined> {
  const [row] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, id));
  return row;
}

export async function lockPartyOrg(tx: Tx, id: string): Promise<PartyOrgRow | undefined> {
  const [row] = await tx.select().from(partyOrgs).where(eq(partyOrgs.id, id)).for('update');
  return row;
}

/** Every organisation of a community, parents before children (by depth, then position and name). */
export async function listCommunityOrgs(db: Conn, communityId: string): Promise<PartyOrgRow[]> {
  return db.select().from(partyOrgs).where(eq(partyOrgs.communityId, communityId)).orderBy(asc(partyOrgs.position), asc(partyOrgs.name));
}

export async function findRoot(db: Conn, communityId: string): Promise<PartyOrgRow | undefined> {
  const [row] = await db
    .select()
    .from(partyOrgs)
    .where(and(eq(partyOrgs.communityId, communityId), sql`${partyOrgs.parentId} IS NULL`))
    .limit(1);
  return row;
}

export async function insertPartyOrg(tx: Tx, values: typeof partyOrgs.$inferInsert): Promise<PartyOrgRow> {
  const [row] = await tx.insert(partyOrgs).values(values).returning();
  return row!;
}

export async function updatePartyOrgRow(tx: Tx, id: string, set: Partial<typeof partyOrgs.$inferInsert>): Promise<PartyOrgRow> {
  const [row] = await tx
    .update(partyOrgs)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(partyOrgs.id, id))
    .returning();
  return row!;
}

export async function deletePartyOrgRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(partyOrgs).where(eq(partyOrgs.id, id));
}

/** Children, members (any status) and posts that keep an organisation from being deleted. */
export async function dependentsOf(db: Conn, id: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    SELECT (SELECT count(*) FROM ${partyOrgs} WHERE ${partyOrgs.parentId} = ${id})
         + (SELECT count(*) FROM ${partyMembers} WHERE ${partyMembers.orgId} = ${id})
         + (SELECT count(*) FROM ${posts} WHERE ${posts.partyOrgId} = ${id}) AS n`);
  return Number(rows[0]?.n ?? 0);
}

/** The ids of an organisation and everything under it. */
export async function subtreeIds(db: Conn, rootId: string): Promise<string[]> {
  const res = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE t AS (SELECT id FROM party_orgs WHERE id = ${rootId}
      UNION ALL SELECT o.id FROM party_orgs o JOIN t ON o.parent_id = t.id)
    SELECT id FROM t`);
  return res.rows.map((r) => r.id);
}
