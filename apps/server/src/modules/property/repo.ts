import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import { scopeFilter } from '../../core/scope.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, compoundProperty, handlerOrgs } from '../../db/schema/index.js';

type Conn = Db | Tx;

const fields = {
  compoundId: areaNodes.id,
  compoundName: areaNodes.name,
  districtId: areaNodes.districtId,
  streetId: areaNodes.streetId,
  communityId: areaNodes.communityId,
  orgId: compoundProperty.orgId,
  orgName: handlerOrgs.name,
  contractStart: compoundProperty.contractStart,
  contractEnd: compoundProperty.contractEnd,
};

function compoundsWithProperty(db: Conn) {
  return db
    .select(fields)
    .from(areaNodes)
    .leftJoin(compoundProperty, eq(compoundProperty.compoundId, areaNodes.id))
    .leftJoin(handlerOrgs, eq(handlerOrgs.id, compoundProperty.orgId));
}
export type CompoundPropertyRow = Awaited<ReturnType<typeof findCompoundProperty>> & {};

/** One compound with its property management (null fields when none is recorded). */
export async function findCompoundProperty(db: Conn, compoundId: string) {
  const [row] = await compoundsWithProperty(db).where(and(eq(areaNodes.id, compoundId), eq(areaNodes.kind, 'compound')));
  return row;
}

/** The compounds the actor may read (of one community when given), by code. */
export async function listCompoundProperty(db: Conn, actor: Actor, communityId: string | undefined) {
  return compoundsWithProperty(db)
    .where(
      and(
        eq(areaNodes.kind, 'compound'),
        communityId ? eq(areaNodes.communityId, communityId) : undefined,
        scopeFilter(actor, 'areas.read', {
          districtId: areaNodes.districtId,
          streetId: areaNodes.streetId,
          communityId: areaNodes.communityId,
        }),
      ),
    )
    .orderBy(asc(areaNodes.code));
}

export async function findPropertyOrg(db: Conn, orgId: string) {
  const [row] = await db.select().from(handlerOrgs).where(eq(handlerOrgs.id, orgId));
  return row;
}

export async function lockCompoundProperty(tx: Tx, compoundId: string) {
  const [row] = await tx.select().from(compoundProperty).where(eq(compoundProperty.compoundId, compoundId)).for('update');
  return row;
}

export async function upsertCompoundProperty(tx: Tx, values: typeof compoundProperty.$inferInsert): Promise<void> {
  const { compoundId: _c, ...rest } = values;
  await tx
    .insert(compoundProperty)
    .values(values)
    .onConflictDoUpdate({ target: compoundProperty.compoundId, set: { ...rest, updatedAt: new Date() } });
}

/** The property company serving a compound on `day` (YYYY-MM-DD), or null (无物业小区 or outside its contract); other modules read this. */
export async function propertyOrgOn(db: Conn, compoundId: string, day: string): Promise<string | null> {
  const [row] = await db
    .select({ orgId: compoundProperty.orgId })
    .from(compoundProperty)
    .where(
      and(
        eq(compoundProperty.compoundId, compoundId),
        or(isNull(compoundProperty.contractStart), lte(compoundProperty.contractStart, day)),
        or(isNull(compoundProperty.contractEnd), gte(compoundProperty.contractEnd, day)),
      ),
    );
  return row?.orgId ?? null;
}
