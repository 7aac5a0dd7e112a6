import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderEvents } from '../../db/schema/index.js';
import { type Tree, buildCommunityTree, buildHousehold, buildService, testPii, useTestDb } from '../../testing/index.js';
import { inTx, systemCtx } from '../../core/context.js';
import { type NewOrderRecord, recordPlacedOrder } from './record.js';
import type { ServiceRow } from './repo.js';
import { locationOfBuilding, locationOfHousehold } from './repo-places.js';

const t = useTestDb();
let tree: Tree;
let general: ServiceRow;
let emergency: ServiceRow;
beforeAll(async () => {
  tree = await buildCommunityTree(t.db);
  general = await buildService(t.db, tree.street);
  emergency = await buildService(t.db, tree.street, {
    emergency: true,
    timeLimits: { dispatchMinutes: 10, acceptMinutes: 15, handleHours: 2, confirmHours: 72, closeHours: 48 },
  });
});

async function record(service: ServiceRow, now: Date, over: Partial<NewOrderRecord> = {}) {
  const location = (await locationOfBuilding(t.db, tree.building.id))!;
  return inTx(systemCtx(t.db, testPii), (tctx) =>
    recordPlacedOrder(tctx, {
      service,
      location,
      channel: 'open311',
      description: '路灯不亮已经三天',
      fields: {},
      contact: { name: '周女士', phone: '13511112222', email: 'zhou@example.com' },
      placedBy: null,
      consent: null,
      idempotencyKey: null,
      open311Token: null,
      lat: '32.39',
      long: '119.41',
      attachmentIds: [],
      ownerId: null,
      now,
      ...over,
    }),
  );
}

describe('recordPlacedOrder', () => {
  it('numbers orders by the local (UTC+8) day and a seven-digit sequence', async () => {
    // 23:30 UTC on Friday 20 Nov is already Saturday 21 Nov in China
    const a = await record(general, new Date('2026-11-20T23:30:00Z'));
    const b = await record(general, new Date('2026-11-20T23:31:00Z'));
    expect(a.orderNo).toMatch(/^20261121\d{7}$/);
    expect(Number(b.orderNo.slice(8))).toBe(Number(a.orderNo.slice(8)) + 1);
  });

  it('gives a weekend order until 30 working minutes after Monday opens; an emergency 10 minutes round the clock', async () => {
    const saturdayNight = new Date('2026-11-21T14:00:00Z'); // 22:00 Saturday local
    const normal = await record(general, saturdayNight);
    expect(normal.dispatchDueAt).toEqual(new Date('2026-11-23T01:00:00Z')); // Monday 09:00 local
    expect(normal).toMatchObject({
      stageStartedAt: saturdayNight,
      stageDueAt: normal.dispatchDueAt,
      placedAt: saturdayNight,
      status: 'placed',
    });
    const urgent = await record(emergency, saturdayNight);
    expect(urgent.dispatchDueAt).toEqual(new Date('2026-11-21T14:10:00Z'));
  });

  it('stores the phone encrypted and appends the place event', async () => {
    const order = await record(general, new Date());
    expect(order.contactPhoneEnc!.includes(Buffer.from('13511112222'))).toBe(false);
    expect(testPii.decrypt(order.contactPhoneEnc!)).toBe('13511112222');
    expect(order).toMatchObject({ channel: 'open311', lat: '32.39', contactEmail: 'zhou@example.com', buildingId: tree.building.id });
    const events = await t.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events).toMatchObject([{ kind: 'place', toStatus: 'placed', actorId: null, communityId: tree.community.id }]);
  });
});

describe('locations', () => {
  it('names a household by compound, building, unit and flat', async () => {
    const household = await buildHousehold(t.db, tree.building);
    const loc = await locationOfHousehold(t.db, household.id);
    expect(loc).toMatchObject({
      householdId: household.id,
      buildingId: tree.building.id,
      gridId: tree.grid.id,
      compoundId: tree.compound.id,
    });
    expect(loc!.address).toMatch(new RegExp(`^${tree.compound.name} ${tree.building.name} 1单元 \\d+$`));
    expect(await locationOfBuilding(t.db, tree.community.id)).toBeNull();
  });
});
