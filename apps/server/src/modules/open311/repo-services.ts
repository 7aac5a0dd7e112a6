import { type SQL, and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, services } from '../../db/schema/index.js';

/**
 * service_code = `<street code>-<service code>`: each street keeps its own catalogue and codes repeat across
 * streets, while street codes are digits only, so the code stays unique and readable.
 */
const serviceCodeSql = sql<string>`${areaNodes.code} || '-' || ${services.code}`;

const columns = {
  id: services.id,
  serviceCode: serviceCodeSql,
  name: services.name,
  description: services.description,
  category: services.category,
  keywords: services.keywords,
  fields: services.fields,
  emergency: services.emergency,
  streetId: services.streetId,
  districtId: services.districtId,
  handleHours: sql<number>`(${services.timeLimits}->>'handleHours')::int`,
};
function selectServices(db: Db | Tx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(services)
    .innerJoin(areaNodes, eq(areaNodes.id, services.streetId))
    .where(and(eq(services.active, true), where))
    .orderBy(asc(areaNodes.code), asc(services.category), asc(services.position), asc(services.code));
}
export type O311ServiceRow = Awaited<ReturnType<typeof selectServices>>[number];

const inStreet = (streetId: string | null) => (streetId ? eq(services.streetId, streetId) : undefined);

/** Active services of one street, or of every street when `streetId` is null. */
export async function listActiveServices(db: Db | Tx, streetId: string | null): Promise<O311ServiceRow[]> {
  return selectServices(db, inStreet(streetId));
}

/** One active service by its Open311 code, within one street or all of them. */
export async function findActiveService(db: Db | Tx, streetId: string | null, code: string): Promise<O311ServiceRow | undefined> {
  const [row] = await selectServices(db, and(sql`${serviceCodeSql} = ${code}`, inStreet(streetId)));
  return row;
}
