import { SERVICE_CATEGORY_LABELS } from '@linli/contracts';
import { type SQL, and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, services } from '../../db/schema/index.js';
import type { O311Scope } from './api-key.js';
import { missing } from './respond.js';
import type { O311Service, O311ServiceDefinition } from './wire.js';

/**
 * service_code = `<street code>-<service code>`: each street keeps its own catalogue and codes repeat across
 * streets, while street codes are digits only, so the code stays unique and readable.
 */
export const serviceCodeSql = sql<string>`${areaNodes.code} || '-' || ${services.code}`;

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

const inScope = (scope: O311Scope) => (scope.streetId ? eq(services.streetId, scope.streetId) : undefined);

export function presentService(s: O311ServiceRow): O311Service {
  return {
    service_code: s.serviceCode,
    service_name: s.name,
    description: s.description || null,
    metadata: s.fields.length > 0,
    type: 'realtime',
    keywords: s.keywords.length ? s.keywords.join(',') : null,
    group: SERVICE_CATEGORY_LABELS[s.category]['zh-CN'],
  };
}

/** Active services: the key's street, or every street when no key was given. */
export async function listO311Services(db: Db, scope: O311Scope): Promise<O311Service[]> {
  return (await selectServices(db, inScope(scope))).map(presentService);
}

/** One active service by its Open311 code within the scope; 404 otherwise. */
export async function findO311Service(db: Db | Tx, scope: O311Scope, code: string): Promise<O311ServiceRow> {
  const [row] = await selectServices(db, and(sql`${serviceCodeSql} = ${code}`, inScope(scope)));
  if (!row) throw missing(`service_code ${code}`);
  return row;
}

export function presentDefinition(s: O311ServiceRow): O311ServiceDefinition {
  return {
    service_code: s.serviceCode,
    attributes: s.fields.map((f, i) => ({
      variable: true,
      code: f.code,
      datatype: f.type,
      required: f.required,
      datatype_description: f.hint || null,
      order: i + 1,
      description: f.label,
      ...(f.options.length ? { values: f.options.map((o) => ({ key: o.key, name: o.name })) } : {}),
    })),
  };
}

/** What the requester is told to expect: the handling time limit of the service. */
export function serviceNotice(s: Pick<O311ServiceRow, 'handleHours' | 'emergency'>): string {
  const h = s.handleHours;
  const limit = h % 24 === 0 ? `${h / 24} 天` : `${h} 小时`;
  return `${s.emergency ? '紧急服务，' : ''}受理后 ${limit}内办理`;
}
