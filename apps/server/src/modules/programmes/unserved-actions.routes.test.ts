import { EnrolmentDto, MeDto, OrderDto, ProgrammeDto, UnservedDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, buildArea, buildCommunityTree, buildHousehold, buildService, useTestApp } from '../../testing/index.js';
import { issuesOf, registryKit } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let meal: ProgrammeDto;
let worker: Agent;
let mine: Awaited<ReturnType<typeof buildHousehold>>;
let neighbour: Awaited<ReturnType<typeof buildHousehold>>;
let serviceId: string;

const enrol = (agent: Agent, residentId: string) => agent.post(`/api/programmes/${meal.id}/enrolments`, { residentId });
const orderPath = (residentId: string) => `/api/programmes/${meal.id}/unserved/${residentId}/order`;
const order = (agent: Agent, residentId: string, description = '独居老人需要送餐上门') =>
  agent.post(orderPath(residentId), { serviceId, description, consent: { method: 'in_person', note: '' } });

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  const staff = await kit.as('community_staff', A.community.id);
  const res = await staff.post('/api/programmes', { communityId: A.community.id, kind: 'meal_aid', name: '长者助餐', minAge: 60 });
  expect(res.statusCode, res.body).toBe(201);
  meal = ProgrammeDto.parse(res.json());
  const grid2 = await buildArea(ctx.t.db, 'grid', A.community);
  const building2 = await buildArea(ctx.t.db, 'building', A.compound, { gridId: grid2.id });
  mine = await buildHousehold(ctx.t.db, A.building, { head: { birthDate: '1944-05-01' } });
  neighbour = await buildHousehold(ctx.t.db, building2, { head: { birthDate: '1943-05-01' } });
  serviceId = (await buildService(ctx.t.db, A.street, { name: '助餐送餐' })).id;
  worker = await kit.as('grid_worker', A.grid.id);
});

describe('acting on the eligible-but-unserved list', () => {
  it('grid_worker: can see, for each person of their grid on the list, that they may enrol them and order for them', async () => {
    const dto = UnservedDto.parse((await worker.get(`/api/programmes/${meal.id}/unserved`)).json());
    expect(dto.items.map((i) => [i.residentId, i.abilities])).toEqual([[mine.members[0]!.id, { canEnrol: true, canOrder: true }]]);
  });

  it('grid_worker: can turn the need of someone of their grid into a proxy order, once per day and service, audited', async () => {
    const res = await order(worker, mine.members[0]!.id);
    expect(res.statusCode, res.body).toBe(201);
    const placed = OrderDto.parse(res.json());
    expect(placed).toMatchObject({ channel: 'proxy', status: 'placed', service: { id: serviceId } });
    const again = OrderDto.parse((await order(worker, mine.members[0]!.id)).json());
    expect(again.id).toBe(placed.id);
    const audit = await kit.count('audit_log', "action = 'programme.order' AND entity_id = $1", [meal.id]);
    expect(audit).toBe(1);
  });

  it('grid_worker: can enrol an eligible resident of their own grid; the audit names the worker', async () => {
    const res = await enrol(worker, mine.members[0]!.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(EnrolmentDto.parse(res.json()).residentId).toBe(mine.members[0]!.id);
    const dto = UnservedDto.parse((await worker.get(`/api/programmes/${meal.id}/unserved`)).json());
    expect(dto.total).toBe(0);
    const me = MeDto.parse((await worker.get('/api/me')).json()).user.id;
    expect(await kit.count('audit_log', "action = 'programme.enrol' AND entity_id = $1 AND actor_id = $2", [meal.id, me])).toBe(1);
  });

  it('grid_worker: cannot enrol or order for a resident of another grid of the community (404, nothing stored)', async () => {
    const before = await kit.count('programme_enrolments');
    expect((await enrol(worker, neighbour.members[0]!.id)).statusCode).toBe(404);
    expect((await order(worker, neighbour.members[0]!.id)).statusCode).toBe(404);
    expect(await kit.count('programme_enrolments')).toBe(before);
    expect(await kit.count('orders', 'household_id = $1', [neighbour.id])).toBe(0);
  });

  it("grid_worker: cannot act on another community's programme (404)", async () => {
    const other = await kit.as('grid_worker', B.grid.id);
    expect((await enrol(other, mine.members[0]!.id)).statusCode).toBe(404);
    expect((await order(other, mine.members[0]!.id)).statusCode).toBe(404);
  });

  it('building_leader and evaluator: cannot enrol or order from the list (403)', async () => {
    for (const [role, area] of [
      ['building_leader', A.building.id],
      ['evaluator', A.district.id],
    ] as const) {
      const agent = await kit.as(role, area);
      expect((await enrol(agent, neighbour.members[0]!.id)).statusCode, role).toBe(403);
      expect((await order(agent, neighbour.members[0]!.id)).statusCode, role).toBe(403);
    }
  });

  it('grid_worker: cannot order without a description or consent (400, field-level, in English on request)', async () => {
    const res = await kit.en(worker, 'POST', orderPath(neighbour.members[0]!.id), { serviceId, description: 'x' });
    expect(res.statusCode).toBe(400);
    expect(
      issuesOf(res)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['consent', 'description']);
  });
});
