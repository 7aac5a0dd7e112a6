import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { communityOrderSettings } from '../../db/schema/index.js';
import {
  type Tree,
  buildCommunityTree,
  buildHousehold,
  buildOrderRow,
  buildOrg,
  buildService,
  buildUser,
  useTestDb,
} from '../../testing/index.js';
import { type OrderRow, findOrder } from './repo.js';
import { findOrderWithRefs, loadOrderRefs } from './repo-refs.js';
import { placeOfCommunity, placeOfHousehold } from './repo-places.js';

const t = useTestDb();
let tree: Tree;
let full: OrderRow;
let bare: OrderRow;

beforeAll(async () => {
  tree = await buildCommunityTree(t.db);
  const service = await buildService(t.db, tree.street);
  const org = await buildOrg(t.db, tree.street);
  const handler = await buildUser(t.db, 'handler_staff', { orgId: org.id });
  const placer = await buildUser(t.db, 'community_staff', { areaId: tree.community.id });
  const household = await buildHousehold(t.db, tree.building);
  bare = await buildOrderRow(t.db, service, tree.building, { compoundId: null, buildingId: null, gridId: null });
  full = await buildOrderRow(t.db, service, tree.building, {
    flatId: household.flatId,
    householdId: household.id,
    handlerOrgId: org.id,
    handlerUserId: handler.id,
    placedBy: placer.id,
    mergedIntoId: bare.id,
  });
});

/** The one-statement read must name exactly what the batch loader names for the same row. */
async function expectSameAsBatch(id: string) {
  const row = (await findOrder(t.db, id))!;
  const found = await findOrderWithRefs(t.db, id);
  expect(found).toEqual({ row, refs: await loadOrderRefs(t.db, [row]) });
  return found!;
}

describe('findOrderWithRefs', () => {
  it('names the service, places, flat, organisation, people and merge target like loadOrderRefs', async () => {
    const { refs } = await expectSameAsBatch(full.id);
    expect(refs.areaNames.size).toBe(3);
    expect(refs.flats.size).toBe(1);
    expect([refs.orgNames.size, refs.userNames.size, refs.orderNos.get(bare.id)]).toEqual([1, 2, bare.orderNo]);
  });

  it('leaves out what a bare order does not refer to', async () => {
    const { refs } = await expectSameAsBatch(bare.id);
    expect([refs.areaNames.size, refs.flats.size, refs.orgNames.size, refs.userNames.size, refs.orderNos.size]).toEqual([1, 0, 0, 0, 0]);
  });

  it("knows whether the community's admin may close, and answers nothing for an unknown id", async () => {
    await t.db.insert(communityOrderSettings).values({ communityId: tree.community.id, communityMayClose: true });
    expect((await expectSameAsBatch(full.id)).refs.closingCommunities).toEqual(new Set([tree.community.id]));
    expect(await findOrderWithRefs(t.db, randomUUID())).toBeUndefined();
  });

  it('runs inside a transaction as well as on the pool', async () => {
    const inTx = await t.db.transaction((tx) => findOrderWithRefs(tx, full.id));
    expect(inTx).toEqual(await findOrderWithRefs(t.db, full.id));
  });
});

describe('a place read with its service', () => {
  it('answers the service asked for with the place, and null for none, an unknown one or no service id', async () => {
    const service = await buildService(t.db, tree.street);
    const household = await buildHousehold(t.db, tree.building);
    expect((await placeOfHousehold(t.db, household.id, service.id))?.service).toEqual(service);
    expect((await placeOfCommunity(t.db, tree.community.id, service.id))?.service).toEqual(service);
    expect((await placeOfCommunity(t.db, tree.community.id, randomUUID()))?.service).toBeNull();
    expect((await placeOfCommunity(t.db, tree.community.id, null))?.location.communityId).toBe(tree.community.id);
    expect(await placeOfCommunity(t.db, tree.building.id, service.id)).toBeNull();
  });
});
