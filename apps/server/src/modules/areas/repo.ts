import type { AreaKind, AreaRef } from '@linli/contracts';
import { type SQL, and, asc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import { escapeLike } from '../../db/like.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, flats, handlerOrgs, households, roleAssignments } from '../../db/schema/index.js';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFieldsOf, scopeFilter } from '../../core/scope.js';
import { HOUSEHOLD_LEVEL } from '../registry/levels.js';

type Conn = Db | Tx;
export type AreaRow = typeof areaNodes.$inferSelect;

const SCOPE_COLUMNS = scopeColumnsOf(areaNodes);

/** Nodes inside the actor's areas.read scope. */
export function areaScope(actor: Actor): SQL {
  return scopeFilter(actor, 'areas.read', SCOPE_COLUMNS);
}

// Written out in SQL: drizzle leaves columns unqualified in single-table selects, which would not correlate.
// A grid's children are the buildings it manages; they hang under compounds, so count them by grid_id.
const childCount = sql<number>`((select count(*) from area_nodes c where c.parent_id = area_nodes.id)
  + (case when area_nodes.kind = 'grid'
      then (select count(*) from area_nodes b where b.kind = 'building' and b.grid_id = area_nodes.id) else 0 end))::int`;
const units = sql<number | null>`(case when area_nodes.kind = 'building'
  then (select count(distinct f.unit_no) from flats f where f.building_id = area_nodes.id) end)::int`;
const floors = sql<number | null>`(case when area_nodes.kind = 'building'
  then (select coalesce(max(f.floor_no), 0) from flats f where f.building_id = area_nodes.id) end)::int`;

const NODE_FIELDS = {
  id: areaNodes.id,
  kind: areaNodes.kind,
  code: areaNodes.code,
  name: areaNodes.name,
  parentId: areaNodes.parentId,
  ...scopeFieldsOf(areaNodes),
  childCount,
  units,
  floors,
};

/** A node with its child count and, for buildings, unit and floor counts derived from its flats. */
export type AreaNodeRow = Omit<AreaRow, 'mapX' | 'mapY' | 'createdAt' | 'updatedAt'> & {
  childCount: number;
  units: number | null;
  floors: number | null;
};

async function selectNodes(db: Conn, where: SQL | undefined, limit?: number): Promise<AreaNodeRow[]> {
  const q = db.select(NODE_FIELDS).from(areaNodes).where(where).orderBy(asc(areaNodes.code)).$dynamic();
  return limit ? q.limit(limit) : q;
}

export async function findNode(db: Conn, id: string): Promise<AreaNodeRow | undefined> {
  const [row] = await selectNodes(db, eq(areaNodes.id, id));
  return row;
}

/** An area node with every column (its scope ids included), for verbs that authorise against it. */
export async function findAreaRow(db: Conn, id: string): Promise<typeof areaNodes.$inferSelect | undefined> {
  const [row] = await db.select().from(areaNodes).where(eq(areaNodes.id, id));
  return row;
}

/** The plain row, locked for the rest of the transaction ('share' when only its existence matters). */
export async function lockNode(tx: Tx, id: string, strength: 'update' | 'share' = 'update'): Promise<AreaRow | undefined> {
  const [row] = await tx.select().from(areaNodes).where(eq(areaNodes.id, id)).for(strength);
  return row;
}

const ofKind = (kind: AreaKind | undefined) => (kind ? eq(areaNodes.kind, kind) : undefined);

/** The top of a scope: the given nodes (an actor's assignment nodes), or every district. */
export function listTopNodes(db: Conn, ids: string[] | 'districts', kind?: AreaKind): Promise<AreaNodeRow[]> {
  if (ids === 'districts') return selectNodes(db, and(eq(areaNodes.kind, 'district'), ofKind(kind)));
  if (ids.length === 0) return Promise.resolve([]);
  return selectNodes(db, and(inArray(areaNodes.id, ids), ofKind(kind)));
}

export const SEARCH_LIMIT = 50;

export type NodeFilter = { parent?: Pick<AreaRow, 'id' | 'kind'>; kind?: AreaKind; q?: string };

/** Nodes inside the actor's scope: a parent's children (a grid's are the buildings it manages), a name/code search, or both. */
export function listNodesInScope(db: Conn, actor: Actor, f: NodeFilter): Promise<AreaNodeRow[]> {
  const conds = [areaScope(actor), ofKind(f.kind)];
  if (f.parent?.kind === 'grid') conds.push(and(eq(areaNodes.kind, 'building'), eq(areaNodes.gridId, f.parent.id)));
  else if (f.parent) conds.push(eq(areaNodes.parentId, f.parent.id));
  if (f.q) {
    const escaped = escapeLike(f.q);
    conds.push(or(ilike(areaNodes.name, `%${escaped}%`), like(areaNodes.code, `${escaped}%`)));
  }
  return selectNodes(db, and(...conds), f.q ? SEARCH_LIMIT : undefined);
}

/** The refs of the given ids, in the order given. */
export async function areaRefs(db: Conn, ids: string[]): Promise<AreaRef[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: areaNodes.id, kind: areaNodes.kind, code: areaNodes.code, name: areaNodes.name })
    .from(areaNodes)
    .where(inArray(areaNodes.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function insertNode(tx: Tx, values: typeof areaNodes.$inferInsert): Promise<void> {
  await tx.insert(areaNodes).values(values);
}

export async function updateNode(tx: Tx, id: string, patch: { name?: string; gridId?: string }): Promise<void> {
  await tx
    .update(areaNodes)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(areaNodes.id, id));
}

export async function deleteNode(tx: Tx, id: string): Promise<void> {
  await tx.delete(areaNodes).where(eq(areaNodes.id, id));
}

export type DeleteBlocker = 'children' | 'households' | 'users' | 'orgs';

/** The first reason a node cannot be deleted, or null. */
export async function deleteBlocker(tx: Tx, node: AreaRow): Promise<DeleteBlocker | null> {
  const managed = node.kind === 'grid' ? sql`or (${areaNodes.kind} = 'building' and ${areaNodes.gridId} = ${node.id})` : sql``;
  const inFlats =
    node.kind === 'building'
      ? sql`or ${households.flatId} in (select ${flats.id} from ${flats} where ${flats.buildingId} = ${node.id})`
      : sql``;
  const { rows } = await tx.execute<Record<DeleteBlocker, boolean>>(sql`select
    exists(select 1 from ${areaNodes} where ${areaNodes.parentId} = ${node.id} ${managed}) as children,
    exists(select 1 from ${households} where ${HOUSEHOLD_LEVEL[node.kind]} = ${node.id} ${inFlats}) as households,
    exists(select 1 from ${roleAssignments} where ${roleAssignments.areaId} = ${node.id}) as users,
    exists(select 1 from ${handlerOrgs} where ${handlerOrgs.areaId} = ${node.id}) as orgs`);
  const found = rows[0];
  return (['children', 'households', 'users', 'orgs'] as const).find((k) => found?.[k]) ?? null;
}
