import { eq } from 'drizzle-orm';
import type { Db } from '../../db/pool.js';
import { users } from '../../db/schema/index.js';
import { type AreaRow, TEST_PASSWORD, buildArea, buildCommunityTree, buildOrg, buildUser } from '../factories.js';
import { buildOrderRow, buildService } from '../order-factories.js';
import { buildHousehold } from '../registry-factories.js';

/** Who the reliability checks sign in as; every user has the password `password`. */
export type CheckWorld = {
  password: string;
  communityId: string;
  /** the community's area code (reports take codes) */
  communityCode: string;
  buildingIds: string[];
  householdIds: string[];
  serviceId: string;
  handlerOrgId: string;
  /** community staff: desk intake, dispatch, lists, figures, the map */
  desks: string[];
  /** handler staff of `handlerOrgId`: accept, start, handle */
  handlers: string[];
  /** street supervisors: close */
  closers: string[];
  /** residents with a household: portal intake */
  residents: string[];
  /** ids of orders already there, for detail reads */
  orderIds: string[];
};

export type WorldSize = { buildings: number; householdsPerBuilding: number; usersPerRole: number; orders: number };

async function manyOf<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await make(i));
  return out;
}

/**
 * One community of a fresh database, built with the test factories: buildings with households, a service, a
 * property company serving the community, `usersPerRole` users of each role the checks act as, and `orders` placed
 * orders spread over the buildings so lists and figures have rows to read.
 */
export async function buildCheckWorld(db: Db, size: WorldSize): Promise<CheckWorld> {
  const tree = await buildCommunityTree(db);
  const buildings: AreaRow[] = [
    tree.building,
    ...(await manyOf(size.buildings - 1, () => buildArea(db, 'building', tree.compound, { gridId: tree.grid.id }))),
  ];
  const households = (
    await manyOf(buildings.length, (b) => manyOf(size.householdsPerBuilding, () => buildHousehold(db, buildings[b]!, { members: 2 })))
  ).flat();
  const org = await buildOrg(db, tree.community);
  const service = await buildService(db, tree.street, { defaultHandlerOrgId: org.id });
  const named = (role: string) => (i: number) => ({ username: `check-${role}-${i + 1}` });
  const desks = await manyOf(size.usersPerRole, (i) => buildUser(db, 'community_staff', { areaId: tree.community.id }, named('desk')(i)));
  const handlers = await manyOf(size.usersPerRole, (i) => buildUser(db, 'handler_staff', { orgId: org.id }, named('handler')(i)));
  const closers = await manyOf(size.usersPerRole, (i) =>
    buildUser(db, 'street_supervisor', { areaId: tree.street.id }, named('closer')(i)),
  );
  const residents = await manyOf(size.usersPerRole, async (i) => {
    const home = households[i % households.length]!;
    const user = await buildUser(db, 'resident', { areaId: home.buildingId ?? tree.building.id }, named('resident')(i));
    await db.update(users).set({ residentId: home.members[0]!.id }).where(eq(users.id, user.id));
    return user;
  });
  const orders = await manyOf(size.orders, (i) =>
    buildOrderRow(db, service, buildings[i % buildings.length]!, { description: `check world order ${i + 1}`, placedAt: new Date() }),
  );
  return {
    password: TEST_PASSWORD,
    communityId: tree.community.id,
    communityCode: tree.community.code,
    buildingIds: buildings.map((b) => b.id),
    householdIds: households.map((h) => h.id),
    serviceId: service.id,
    handlerOrgId: org.id,
    desks: desks.map((u) => u.username),
    handlers: handlers.map((u) => u.username),
    closers: closers.map((u) => u.username),
    residents: residents.map((u) => u.username),
    orderIds: orders.map((o) => o.id),
  };
}
