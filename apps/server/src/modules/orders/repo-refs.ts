import type { ServiceCategoryCode, ServiceField } from '@linli/contracts';
import { and, eq, exists, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/pool.js';
import { preparedOn } from '../../db/prepared.js';
import { areaNodes, communityOrderSettings, flats, handlerOrgs, orders, services, users } from '../../db/schema/index.js';
import { type OrderRow, communitiesThatMayClose } from './repo.js';
import { named } from './repo-places.js';

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
    flats: new Map([...flatRows].map(([id, f]) => [id, { unitNo: f.unitNo, flatNo: f.flatNo }])),
    orgNames: new Map([...orgs].map(([id, o]) => [id, o.name])),
    userNames: new Map([...people].map(([id, u]) => [id, u.name])),
    orderNos: new Map([...merged].map(([id, o]) => [id, o.orderNo])),
    closingCommunities,
  };
}

const cm = alias(areaNodes, 'cm');
const cp = alias(areaNodes, 'cp');
const bd = alias(areaNodes, 'bd');
const placer = alias(users, 'pu');
const handler = alias(users, 'hu');
const target = alias(orders, 'mo');
const SERVICE_REF = {
  id: services.id,
  code: services.code,
  name: services.name,
  category: services.category,
  emergency: services.emergency,
  fields: services.fields,
};

/** One order with every name its page shows, joined: the same rows `loadOrderRefs` reads, in one named statement. */
const orderWithRefs = preparedOn((db: Db | Tx) =>
  db
    .select({
      order: orders,
      service: SERVICE_REF,
      communityName: cm.name,
      compoundName: cp.name,
      buildingName: bd.name,
      unitNo: flats.unitNo,
      flatNo: flats.flatNo,
      orgName: handlerOrgs.name,
      placedByName: placer.displayName,
      handlerUserName: handler.displayName,
      mergedIntoNo: target.orderNo,
      communityMayClose: exists(
        db
          .select({ one: sql`1` })
          .from(communityOrderSettings)
          .where(and(eq(communityOrderSettings.communityId, orders.communityId), eq(communityOrderSettings.communityMayClose, true))),
      ).mapWith(Boolean),
    })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .leftJoin(cm, eq(cm.id, orders.communityId))
    .leftJoin(cp, eq(cp.id, orders.compoundId))
    .leftJoin(bd, eq(bd.id, orders.buildingId))
    .leftJoin(flats, eq(flats.id, orders.flatId))
    .leftJoin(handlerOrgs, eq(handlerOrgs.id, orders.handlerOrgId))
    .leftJoin(placer, eq(placer.id, orders.placedBy))
    .leftJoin(handler, eq(handler.id, orders.handlerUserId))
    .leftJoin(target, eq(target.id, orders.mergedIntoId))
    .where(eq(orders.id, sql.placeholder('id')))
    .prepare('linli_order_with_refs'),
);

/** The order `id` and the names its page shows, in one round trip; undefined when there is no such order. */
export async function findOrderWithRefs(db: Db | Tx, id: string): Promise<{ row: OrderRow; refs: OrderRefs } | undefined> {
  const [r] = await orderWithRefs(db).execute({ id });
  if (!r) return undefined;
  const o = r.order;
  const flat = o.flatId && r.unitNo !== null && r.flatNo !== null ? { unitNo: r.unitNo, flatNo: r.flatNo } : null;
  const refs: OrderRefs = {
    services: new Map([[r.service.id, r.service]]),
    areaNames: new Map(
      named([
        [o.communityId, r.communityName],
        [o.compoundId, r.compoundName],
        [o.buildingId, r.buildingName],
      ]),
    ),
    flats: new Map(flat && o.flatId ? [[o.flatId, flat]] : []),
    orgNames: new Map(named([[o.handlerOrgId, r.orgName]])),
    userNames: new Map(
      named([
        [o.placedBy, r.placedByName],
        [o.handlerUserId, r.handlerUserName],
      ]),
    ),
    orderNos: new Map(named([[o.mergedIntoId, r.mergedIntoNo]])),
    closingCommunities: new Set(r.communityMayClose ? [o.communityId] : []),
  };
  return { row: o, refs };
}
