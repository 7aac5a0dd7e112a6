import type { ServiceCategoryCode, ServiceField } from '@linli/contracts';
import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, flats, handlerOrgs, orders, services, users } from '../../db/schema/index.js';
import { type OrderRow, communitiesThatMayClose } from './repo.js';

export type ServiceRef = {
  id: string;
  code: string;
  name: string;
  category: ServiceCategoryCode;
  emergency: boolean;
  fields: ServiceField[];
};
export type FlatRef = { unitNo: number; flatNo: string };

/** Names an order page needs, loaded in one batch per kind rather than joined into the ordered scan. */
export type OrderRefs = {
  services: Map<string, ServiceRef>;
  areaNames: Map<string, string>;
  flats: Map<string, FlatRef>;
  orgNames: Map<string, string>;
  userNames: Map<string, string>;
  orderNos: Map<string, string>;
  /** communities whose admin may close orders, for the abilities of each order */
  closingCommunities: Set<string>;
};

const ids = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];

async function byId<T>(load: (keys: string[]) => Promise<(T & { id: string })[]>, keys: string[]): Promise<Map<string, T>> {
  if (keys.length === 0) return new Map();
  return new Map((await load(keys)).map((r) => [r.id, r]));
}

/**
 * Loads every name `rows` refer to (services, compound/building/community, flats, organisations, people, merge
 * targets) and which of their communities let the admin close: one query per kind, never one per row.
 */
export async function loadOrderRefs(db: Db | Tx, rows: OrderRow[]): Promise<OrderRefs> {
  const [svc, areas, flatRows, orgs, people, merged, closingCommunities] = await Promise.all([
    byId((k) => db.select().from(services).where(inArray(services.id, k)), ids(rows.map((r) => r.serviceId))),
    byId(
      (k) => db.select({ id: areaNodes.id, name: areaNodes.name }).from(areaNodes).where(inArray(areaNodes.id, k)),
      ids(rows.flatMap((r) => [r.communityId, r.compoundId, r.buildingId])),
    ),
    byId(
      (k) => db.select({ id: flats.id, unitNo: flats.unitNo, flatNo: flats.flatNo }).from(flats).where(inArray(flats.id, k)),
      ids(rows.map((r) => r.flatId)),
    ),
    byId(
      (k) => db.select({ id: handlerOrgs.id, name: handlerOrgs.name }).from(handlerOrgs).where(inArray(handlerOrgs.id, k)),
      ids(rows.map((r) => r.handlerOrgId)),
    ),
    byId(
      (k) => db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, k)),
      ids(rows.flatMap((r) => [r.handlerUserId, r.placedBy])),
    ),
    byId(
      (k) => db.select({ id: orders.id, orderNo: orders.orderNo }).from(orders).where(inArray(orders.id, k)),
      ids(rows.map((r) => r.mergedIntoId)),
    ),
    communitiesThatMayClose(
      db,
      rows.map((r) => r.communityId),
    ),
  ]);
  return {
    services: new Map(
      [...svc].map(([id, s]) => [id, { id, code: s.code, name: s.name, category: s.category, emergency: s.emergency, fields: s.fields }]),
    ),
    areaNames: new Map([...areas].map(([id, a]) => [id, a.name])),
    flats: flatRows,
    orgNames: new Map([...orgs].map(([id, o]) => [id, o.name])),
    userNames: new Map([...people].map(([id, u]) => [id, u.name])),
    orderNos: new Map([...merged].map(([id, o]) => [id, o.orderNo])),
    closingCommunities,
  };
}
