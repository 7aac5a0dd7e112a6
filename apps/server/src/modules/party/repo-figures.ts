import { type SQL, and, eq, exists, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { partyMembers, partyOrgs, postHolders, posts } from '../../db/schema/index.js';
import type { FigureMember, FigureOrg, FigurePost } from './figures.js';

type Conn = Db | Tx;
/** One community, or everything in the actor's `party.read` scope. */
export type FigureScope = { communityId: string } | { actor: Actor };

type ScopedTable = Parameters<typeof scopeColumnsOf>[0] & { communityId: AnyPgColumn };

/** One equality for a community, else the actor's scope filter (lists and figures agree). */
export const within = (scope: FigureScope, t: ScopedTable): SQL =>
  'communityId' in scope ? eq(t.communityId, scope.communityId) : scopeFilter(scope.actor, 'party.read', scopeColumnsOf(t));

/** The organisations, active members and posts the figures are made of. */
export async function loadFigureRows(db: Conn, scope: FigureScope) {
  const [orgs, members, postRows] = await Promise.all([
    db
      .select({
        id: partyOrgs.id,
        parentId: partyOrgs.parentId,
        kind: partyOrgs.kind,
        name: partyOrgs.name,
        communityId: partyOrgs.communityId,
      })
      .from(partyOrgs)
      .where(within(scope, partyOrgs)),
    db
      .select({
        orgId: partyMembers.orgId,
        birthDate: sql<
          string | null
        >`coalesce((SELECT r.birth_date FROM residents r WHERE r.id = ${partyMembers.residentId}), ${partyMembers.birthDate})`,
        education: partyMembers.education,
        standing: partyMembers.standing,
        registration: partyMembers.registration,
        employment: partyMembers.employment,
      })
      .from(partyMembers)
      .where(and(within(scope, partyMembers), eq(partyMembers.status, 'active'))),
    db
      .select({
        partyOrgId: posts.partyOrgId,
        held: exists(
          db
            .select({ one: sql`1` })
            .from(postHolders)
            .where(and(eq(postHolders.postId, posts.id), eq(postHolders.status, 'active'))),
        ).mapWith(Boolean),
      })
      .from(posts)
      .where(and(within(scope, posts), eq(posts.active, true))),
  ]);
  return { orgs: orgs as FigureOrg[], members: members as FigureMember[], posts: postRows as FigurePost[] };
}
