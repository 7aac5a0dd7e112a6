import { type SQL, and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { handlerOrgs, programmes, socialWorkers } from '../../db/schema/index.js';

type Conn = Db | Tx;

const orgFields = {
  id: handlerOrgs.id,
  name: handlerOrgs.name,
  streetId: handlerOrgs.streetId,
  districtId: handlerOrgs.districtId,
  communityId: handlerOrgs.communityId,
};
const socialOrgsWhere = (extra: SQL | undefined) => and(eq(handlerOrgs.kind, 'social_org'), extra);

/** Social organisations of the given streets (every street when null), by name. */
export async function listSocialOrgs(db: Conn, streets: string[] | null) {
  if (streets && streets.length === 0) return [];
  return db
    .select(orgFields)
    .from(handlerOrgs)
    .where(socialOrgsWhere(streets ? inArray(handlerOrgs.streetId, streets) : undefined))
    .orderBy(handlerOrgs.name);
}

export async function findSocialOrg(db: Conn, id: string) {
  const [row] = await db
    .select(orgFields)
    .from(handlerOrgs)
    .where(socialOrgsWhere(eq(handlerOrgs.id, id)));
  return row;
}

export async function workersOf(db: Conn, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db.select().from(socialWorkers).where(inArray(socialWorkers.orgId, orgIds)).orderBy(socialWorkers.name);
}

export async function programmesRunBy(db: Conn, orgIds: string[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      id: programmes.id,
      name: programmes.name,
      kind: programmes.kind,
      communityId: programmes.communityId,
      orgId: programmes.providerOrgId,
    })
    .from(programmes)
    .where(inArray(programmes.providerOrgId, orgIds))
    .orderBy(programmes.name);
}

export async function insertSocialWorker(tx: Tx, values: typeof socialWorkers.$inferInsert) {
  const [row] = await tx.insert(socialWorkers).values(values).returning();
  return row!;
}
