import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, partyMembers, postHolders, posts, residents } from '../../db/schema/index.js';
import { type FigureScope, within } from '../party/repo-figures.js';
import type { CoverageRows } from './coverage.js';

type Conn = Db | Tx;
const compound = alias(areaNodes, 'compound');
const grid = alias(areaNodes, 'grid');

/** Grids and buildings of the scope, the live holdings on them, and posts per kind and state. */
export async function loadCoverageRows(db: Conn, scope: FigureScope): Promise<CoverageRows> {
  const [areas, holdings, kinds] = await Promise.all([
    db
      .select({
        id: areaNodes.id,
        kind: areaNodes.kind,
        name: areaNodes.name,
        code: areaNodes.code,
        compoundName: compound.name,
        gridName: grid.name,
      })
      .from(areaNodes)
      .leftJoin(compound, and(eq(compound.id, areaNodes.compoundId), eq(areaNodes.kind, 'building')))
      .leftJoin(grid, and(eq(grid.id, areaNodes.gridId), eq(areaNodes.kind, 'building')))
      .where(and(within(scope, areaNodes), inArray(areaNodes.kind, ['grid', 'building'])))
      .orderBy(areaNodes.code),
    db
      .select({
        areaId: posts.areaId,
        kind: posts.kind,
        status: postHolders.status,
        name: sql<string>`coalesce(${residents.name}, ${partyMembers.name}, '')`,
      })
      .from(posts)
      .innerJoin(postHolders, and(eq(postHolders.postId, posts.id), inArray(postHolders.status, ['claimed', 'active'])))
      .leftJoin(partyMembers, eq(partyMembers.id, postHolders.memberId))
      .leftJoin(residents, eq(residents.id, sql`coalesce(${postHolders.residentId}, ${partyMembers.residentId})`))
      .where(and(within(scope, posts), eq(posts.active, true))),
    db
      .select({ kind: posts.kind, status: postHolders.status, n: count() })
      .from(posts)
      .leftJoin(postHolders, and(eq(postHolders.postId, posts.id), inArray(postHolders.status, ['claimed', 'active'])))
      .where(and(within(scope, posts), eq(posts.active, true)))
      .groupBy(posts.kind, postHolders.status),
  ]);
  return { areas, holdings, kinds };
}
