import type { ServiceCategoryCode } from '@linli/contracts';
import { type SQL, and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Actor } from '../../core/actor.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, handlerOrgs, services } from '../../db/schema/index.js';

type Conn = Db | Tx;
export type ServiceInsert = typeof services.$inferInsert;

const SERVICE_FIELDS = {
  id: services.id,
  districtId: services.districtId,
  streetId: services.streetId,
  code: services.code,
  category: services.category,
  name: services.name,
  description: services.description,
  keywords: services.keywords,
  fields: services.fields,
  defaultHandlerOrgId: services.defaultHandlerOrgId,
  defaultHandlerOrgName: handlerOrgs.name,
  timeLimits: services.timeLimits,
  emergency: services.emergency,
  active: services.active,
  position: services.position,
};

function selectServices(db: Conn, where: SQL | undefined) {
  return db
    .select(SERVICE_FIELDS)
    .from(services)
    .leftJoin(handlerOrgs, eq(handlerOrgs.id, services.defaultHandlerOrgId))
    .where(where)
    .orderBy(asc(services.category), asc(services.position), asc(services.code));
}
export type ServiceListRow = Awaited<ReturnType<typeof selectServices>>[number];

/** A street's services in catalogue order; inactive ones only when asked. */
export function listStreetServices(db: Conn, streetId: string, includeInactive: boolean): Promise<ServiceListRow[]> {
  return selectServices(db, and(eq(services.streetId, streetId), includeInactive ? undefined : eq(services.active, true)));
}

export async function findService(db: Conn, id: string): Promise<ServiceListRow | undefined> {
  const [row] = await selectServices(db, eq(services.id, id));
  return row;
}

export async function lockService(tx: Tx, id: string) {
  const [row] = await tx.select().from(services).where(eq(services.id, id)).for('update');
  return row;
}

export type StreetRow = { id: string; districtId: string; name: string };

export async function findStreet(db: Conn, id: string): Promise<StreetRow | undefined> {
  const [row] = await db
    .select({ id: areaNodes.id, districtId: areaNodes.districtId, name: areaNodes.name, kind: areaNodes.kind })
    .from(areaNodes)
    .where(eq(areaNodes.id, id));
  return row && row.kind === 'street' ? { id: row.id, districtId: row.districtId!, name: row.name } : undefined;
}

/** The first street (by code) of a district, or of all districts: the default catalogue of district-level users. */
export async function firstStreet(db: Conn, districtId: string | null): Promise<StreetRow | undefined> {
  const [row] = await db
    .select({ id: areaNodes.id, districtId: areaNodes.districtId, name: areaNodes.name })
    .from(areaNodes)
    .where(and(eq(areaNodes.kind, 'street'), districtId ? eq(areaNodes.districtId, districtId) : undefined))
    .orderBy(asc(areaNodes.code))
    .limit(1);
  return row ? { id: row.id, districtId: row.districtId!, name: row.name } : undefined;
}

/** org id → street id of the organisations the actor works for (handler staff, volunteers). */
export async function orgStreetsOf(db: Conn, actor: Actor): Promise<Map<string, string>> {
  const ids = actor.assignments.flatMap((a) => (a.orgId ? [a.orgId] : []));
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: handlerOrgs.id, streetId: handlerOrgs.streetId })
    .from(handlerOrgs)
    .where(inArray(handlerOrgs.id, ids));
  return new Map(rows.map((r) => [r.id, r.streetId]));
}

/** True when the org serves the street, as a street org or through one of its communities. */
export async function orgServesStreet(db: Conn, orgId: string, streetId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: handlerOrgs.id })
    .from(handlerOrgs)
    .where(and(eq(handlerOrgs.id, orgId), eq(handlerOrgs.streetId, streetId)));
  return Boolean(row);
}

/** The next position at the end of a category of a street's catalogue. */
export async function nextPosition(tx: Tx, streetId: string, category: ServiceCategoryCode): Promise<number> {
  const [row] = await tx
    .select({ top: max(services.position) })
    .from(services)
    .where(and(eq(services.streetId, streetId), eq(services.category, category)));
  return (row?.top ?? -1) + 1;
}

export async function insertService(tx: Tx, values: ServiceInsert): Promise<string> {
  const [row] = await tx.insert(services).values(values).returning({ id: services.id });
  return row!.id;
}

export async function updateServiceRow(tx: Tx, id: string, patch: Partial<ServiceInsert>): Promise<void> {
  await tx
    .update(services)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(services.id, id));
}
