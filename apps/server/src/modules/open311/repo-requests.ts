import { TERMINAL_STATUSES } from '@linli/contracts';
import { type SQL, and, desc, eq, gte, inArray, lte, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/pool.js';
import { areaNodes, handlerOrgs, orders, services } from '../../db/schema/index.js';

const street = alias(areaNodes, 'st');
const community = alias(areaNodes, 'cm');
const compound = alias(areaNodes, 'cp');
const building = alias(areaNodes, 'bd');

const columns = {
  orderNo: orders.orderNo,
  status: orders.status,
  channel: orders.channel,
  description: orders.description,
  serviceCode: sql<string>`${street.code} || '-' || ${services.code}`,
  serviceName: services.name,
  handleHours: sql<number>`(${services.timeLimits}->>'handleHours')::int`,
  emergency: orders.emergency,
  handlerOrgName: handlerOrgs.name,
  placedAt: orders.placedAt,
  updatedAt: orders.updatedAt,
  closedAt: orders.closedAt,
  stageDueAt: orders.stageDueAt,
  address: orders.address,
  communityName: community.name,
  compoundName: compound.name,
  buildingName: building.name,
  buildingCode: building.code,
  lat: orders.lat,
  long: orders.long,
  open311Token: orders.open311Token,
  mediaUrl: sql<
    string | null
  >`(SELECT e.details->>'mediaUrl' FROM order_events e WHERE e.order_id = ${orders.id} AND e.kind = 'attach' AND e.details ? 'mediaUrl' ORDER BY e.id LIMIT 1)`,
};

function selectRequests(db: Db | Tx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .innerJoin(street, eq(street.id, services.streetId))
    .innerJoin(community, eq(community.id, orders.communityId))
    .leftJoin(compound, eq(compound.id, orders.compoundId))
    .leftJoin(building, eq(building.id, orders.buildingId))
    .leftJoin(handlerOrgs, eq(handlerOrgs.id, orders.handlerOrgId))
    .where(where);
}
export type O311RequestRow = Awaited<ReturnType<typeof selectRequests>>[number];

export type RequestFilter = {
  ids?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  statuses?: ('open' | 'closed')[];
  limit: number;
  offset: number;
};

const inStreet = (streetId: string | null) => (streetId ? eq(orders.streetId, streetId) : undefined);

function statusFilter(statuses: ('open' | 'closed')[] | undefined): SQL | undefined {
  if (!statuses?.length || statuses.length === 2) return undefined;
  return statuses[0] === 'closed' ? inArray(orders.status, [...TERMINAL_STATUSES]) : notInArray(orders.status, [...TERMINAL_STATUSES]);
}

/** Requests of one street (of all when `streetId` is null) matching the Open311 query, newest first. */
export async function listRequestsInStreet(db: Db, streetId: string | null, f: RequestFilter): Promise<O311RequestRow[]> {
  const where = and(
    inStreet(streetId),
    f.ids ? inArray(orders.orderNo, f.ids) : undefined,
    f.serviceCodes ? or(...f.serviceCodes.map((c) => sql`${street.code} || '-' || ${services.code} = ${c}`)) : undefined,
    f.from ? gte(orders.placedAt, f.from) : undefined,
    f.to ? lte(orders.placedAt, f.to) : undefined,
    statusFilter(f.statuses),
  );
  return selectRequests(db, where).orderBy(desc(orders.placedAt), desc(orders.orderNo)).limit(f.limit).offset(f.offset);
}

export async function findRequestInStreet(db: Db | Tx, streetId: string | null, orderNo: string): Promise<O311RequestRow | undefined> {
  const [row] = await selectRequests(db, and(inStreet(streetId), eq(orders.orderNo, orderNo)));
  return row;
}

export async function findTokenInStreet(db: Db, streetId: string | null, token: string): Promise<{ orderNo: string } | undefined> {
  const [row] = await db
    .select({ orderNo: orders.orderNo })
    .from(orders)
    .where(and(inStreet(streetId), eq(orders.open311Token, token)));
  return row;
}
