import { POST_RESPONSIBLE_ROLES, type PostKind, type PostListQuery } from '@linli/contracts';
import { type SQL, and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { levelKey } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, dutyLogs, flats, households, partyMembers, postHolders, posts, residents } from '../../db/schema/index.js';
import type { AreaRow } from '../party/repo.js';

type Conn = Db | Tx;
export type PostRow = typeof posts.$inferSelect;
export type HolderRow = typeof postHolders.$inferSelect;

const LIVE = ['claimed', 'active'] as const;
const MAP_KINDS = Object.keys(POST_RESPONSIBLE_ROLES) as PostKind[];

const viewCols = {
  post: posts,
  areaKind: areaNodes.kind,
  areaCode: areaNodes.code,
  areaName: areaNodes.name,
  holderId: postHolders.id,
  holderStatus: postHolders.status,
  holderMemberId: postHolders.memberId,
  holderResidentId: postHolders.residentId,
  holderSince: sql<Date | null>`coalesce(${postHolders.confirmedAt}, ${postHolders.claimedAt})`.mapWith((v) => new Date(v)),
  holderName: sql<string | null>`coalesce(${residents.name}, ${partyMembers.name})`,
};

const viewQuery = (db: Conn) =>
  db
    .select(viewCols)
    .from(posts)
    .innerJoin(areaNodes, eq(areaNodes.id, posts.areaId))
    .leftJoin(postHolders, and(eq(postHolders.postId, posts.id), inArray(postHolders.status, [...LIVE])))
    .leftJoin(partyMembers, eq(partyMembers.id, postHolders.memberId))
    .leftJoin(residents, eq(residents.id, sql`coalesce(${postHolders.residentId}, ${partyMembers.residentId})`));

export type PostView = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

export async function findPostView(db: Conn, id: string): Promise<PostView | undefined> {
  const [row] = await viewQuery(db).where(eq(posts.id, id));
  return row;
}

export async function findPost(db: Conn, id: string): Promise<PostRow | undefined> {
  const [row] = await db.select().from(posts).where(eq(posts.id, id));
  return row;
}

export async function lockPost(tx: Tx, id: string): Promise<PostRow | undefined> {
  const [row] = await tx.select().from(posts).where(eq(posts.id, id)).for('update');
  return row;
}

const stateFilter = (state: PostListQuery['state']): SQL | undefined =>
  state === 'open'
    ? isNull(postHolders.id)
    : state === 'claimed'
      ? eq(postHolders.status, 'claimed')
      : state === 'held'
        ? eq(postHolders.status, 'active')
        : undefined;

/** One page of posts in the actor's `party.read` scope; `area` keeps those on it or inside it. */
export async function listPostViews(db: Conn, actor: Actor, q: PostListQuery, area: AreaRow | null) {
  const where = and(
    scopeFilter(actor, 'party.read', scopeColumnsOf(posts)),
    q.communityId ? eq(posts.communityId, q.communityId) : undefined,
    area ? eq(posts[levelKey(area.kind)], area.id) : undefined,
    q.kind ? eq(posts.kind, q.kind) : undefined,
    stateFilter(q.state),
  );
  const [rows, [total]] = await Promise.all([
    viewQuery(db)
      .where(where)
      .orderBy(asc(posts.kind), asc(areaNodes.code), asc(posts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(posts)
      .leftJoin(postHolders, and(eq(postHolders.postId, posts.id), inArray(postHolders.status, [...LIVE])))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The posts a member holds or claims, and the open ones of their community (their building's and grid's first). */
export async function memberPostViews(
  db: Conn,
  member: { id: string; communityId: string; buildingId: string | null; gridId: string | null },
) {
  const near = sql`CASE WHEN ${posts.buildingId} = ${member.buildingId} THEN 0 WHEN ${posts.gridId} = ${member.gridId} THEN 1 ELSE 2 END`;
  const [held, open] = await Promise.all([
    viewQuery(db).where(eq(postHolders.memberId, member.id)).orderBy(asc(posts.title)),
    viewQuery(db)
      .where(and(eq(posts.communityId, member.communityId), eq(posts.active, true), isNull(postHolders.id)))
      .orderBy(near, asc(areaNodes.code))
      .limit(30),
  ]);
  return { held, open };
}

/** Where a member lives (their building and grid, to list nearby posts first) and their name. */
export async function memberHome(db: Conn, memberId: string) {
  const [row] = await db
    .select({
      name: sql<string>`coalesce(${residents.name}, ${partyMembers.name}, '')`,
      buildingId: residents.buildingId,
      gridId: residents.gridId,
    })
    .from(partyMembers)
    .leftJoin(residents, eq(residents.id, partyMembers.residentId))
    .where(eq(partyMembers.id, memberId));
  return row ?? { name: '', buildingId: null, gridId: null };
}

export async function insertPost(tx: Tx, values: typeof posts.$inferInsert): Promise<string> {
  const [row] = await tx.insert(posts).values(values).returning({ id: posts.id });
  return row!.id;
}

export async function updatePostRow(tx: Tx, id: string, set: Partial<typeof posts.$inferInsert>): Promise<void> {
  await tx
    .update(posts)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(posts.id, id));
}

export async function liveHolderOf(tx: Tx, postId: string): Promise<HolderRow | undefined> {
  const [row] = await tx
    .select()
    .from(postHolders)
    .where(and(eq(postHolders.postId, postId), inArray(postHolders.status, [...LIVE])));
  return row;
}

export async function insertHolder(tx: Tx, values: typeof postHolders.$inferInsert): Promise<string> {
  const [row] = await tx.insert(postHolders).values(values).returning({ id: postHolders.id });
  return row!.id;
}

export async function lockHolder(tx: Tx, id: string): Promise<HolderRow | undefined> {
  const [row] = await tx.select().from(postHolders).where(eq(postHolders.id, id)).for('update');
  return row;
}

export async function findHolder(db: Conn, id: string): Promise<HolderRow | undefined> {
  const [row] = await db.select().from(postHolders).where(eq(postHolders.id, id));
  return row;
}

export async function updateHolderRow(tx: Tx, id: string, set: Partial<typeof postHolders.$inferInsert>): Promise<void> {
  await tx.update(postHolders).set(set).where(eq(postHolders.id, id));
}

export async function insertDutyLog(tx: Tx, values: typeof dutyLogs.$inferInsert): Promise<string> {
  const [row] = await tx.insert(dutyLogs).values(values).returning({ id: dutyLogs.id });
  return row!.id;
}

/** A holding's duty log, newest first. */
export async function listDutyLogRows(db: Conn, holderId: string) {
  return db
    .select({
      id: dutyLogs.id,
      holderId: dutyLogs.holderId,
      postId: dutyLogs.postId,
      postTitle: posts.title,
      holderName: sql<string>`coalesce(${residents.name}, ${partyMembers.name}, '')`,
      on: dutyLogs.on,
      hours: dutyLogs.hours,
      content: dutyLogs.content,
      createdAt: dutyLogs.createdAt,
    })
    .from(dutyLogs)
    .innerJoin(posts, eq(posts.id, dutyLogs.postId))
    .innerJoin(postHolders, eq(postHolders.id, dutyLogs.holderId))
    .leftJoin(partyMembers, eq(partyMembers.id, postHolders.memberId))
    .leftJoin(residents, eq(residents.id, sql`coalesce(${postHolders.residentId}, ${partyMembers.residentId})`))
    .where(eq(dutyLogs.holderId, holderId))
    .orderBy(desc(dutyLogs.on), desc(dutyLogs.createdAt))
    .limit(200);
}

/**
 * A building's post holders for the building map: its building leader and red-post keeper posts held now,
 * with the flat in this building where the holder lives (none when they live elsewhere).
 */
export async function buildingPostHolders(db: Conn, buildingId: string) {
  const rows = await db
    .select({
      kind: posts.kind,
      name: sql<string>`coalesce(${residents.name}, ${partyMembers.name})`,
      residentId: residents.id,
      unitNo: flats.unitNo,
      flatNo: flats.flatNo,
    })
    .from(posts)
    .innerJoin(postHolders, and(eq(postHolders.postId, posts.id), eq(postHolders.status, 'active')))
    .leftJoin(partyMembers, eq(partyMembers.id, postHolders.memberId))
    .leftJoin(residents, eq(residents.id, sql`coalesce(${postHolders.residentId}, ${partyMembers.residentId})`))
    .leftJoin(households, eq(households.id, residents.householdId))
    .leftJoin(flats, and(eq(flats.id, households.flatId), eq(flats.buildingId, buildingId)))
    .where(
      and(eq(posts.areaId, buildingId), inArray(posts.kind, MAP_KINDS), sql`(${residents.id} IS NULL OR ${residents.status} = 'active')`),
    )
    .orderBy(asc(posts.kind), asc(sql`coalesce(${residents.name}, ${partyMembers.name})`));
  return rows.map(({ kind, ...r }) => ({ role: POST_RESPONSIBLE_ROLES[kind]!, ...r }));
}
