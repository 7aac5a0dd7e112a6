import { OrderDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/index.js';
import { type OrderWorld, type Person, orderWorld, person, placeAs, portalOrder } from './test-kit.js';

const h = useTestApp();
let w: OrderWorld;
let leader: Person;
beforeAll(async () => {
  w = await orderWorld(h);
  leader = await person(h, 'building_leader', { areaId: w.A.building.id });
});

/** The answer of POST /api/orders, built from the rows in hand, must be what GET /api/orders/:id loads. */
async function expectAnswerAsLoaded(agent: Person, body: object): Promise<OrderDto> {
  const answer = await placeAs(agent, body);
  const res = await agent.get(`/api/orders/${answer.id}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(answer).toEqual(OrderDto.parse(res.json()));
  return answer;
}

describe('the answer of a placement', () => {
  const desk = { channel: 'desk', via: 'phone', contactName: '赵先生', contactPhone: '13700002222' };

  it('resident: the portal order names the flat as GET does', async () => {
    const order = await expectAnswerAsLoaded(w.resident, portalOrder(w));
    expect(order.place).toContain(w.A.building.name);
    expect(order.placedBy?.name).toBeTruthy();
  });

  it('community_staff: desk orders for a household, a building, a building with a typed address and a typed place', async () => {
    await expectAnswerAsLoaded(w.desk, { ...portalOrder(w), intake: { ...desk, householdId: w.household.id } });
    await expectAnswerAsLoaded(w.desk, { ...portalOrder(w), intake: { ...desk, buildingId: w.A.building.id } });
    await expectAnswerAsLoaded(w.desk, { ...portalOrder(w), intake: { ...desk, buildingId: w.A.building.id, address: '3单元门口' } });
    const typed = await expectAnswerAsLoaded(w.desk, { ...portalOrder(w), intake: { ...desk, via: 'walk_in', address: '社区广场东侧' } });
    expect(typed.place).toBe('社区广场东侧');
  });

  it('building_leader and community_staff: a proxy order and a meeting decision', async () => {
    await expectAnswerAsLoaded(leader, {
      ...portalOrder(w),
      intake: { channel: 'proxy', householdId: w.household.id, consent: { method: 'phone', note: '电话同意' } },
    });
    await expectAnswerAsLoaded(w.desk, {
      ...portalOrder(w),
      intake: { channel: 'meeting', communityId: w.A.community.id, meetingNote: '居民议事会决定' },
    });
  });

  it('street_supervisor: the abilities follow who closes in the community', async () => {
    const on = await w.street.put(`/api/communities/${w.A.community.id}/order-settings`, { communityMayClose: true });
    expect(on.statusCode, on.body).toBe(200);
    await expectAnswerAsLoaded(w.street, { ...portalOrder(w), intake: { ...desk, householdId: w.household.id } });
    await w.street.put(`/api/communities/${w.A.community.id}/order-settings`, { communityMayClose: false });
  });
});
