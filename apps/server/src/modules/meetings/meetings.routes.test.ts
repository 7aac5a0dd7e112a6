import { MeetingDto, MeetingList, OrderDto, OrderList } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tree, buildCommunityTree, buildHousehold, buildService, useTestApp } from '../../testing/index.js';
import { person } from '../mediation/test-kit.js';
import { codeOf, issuesOf, registryKit } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let staff: Awaited<ReturnType<typeof person>>;
let otherStaff: Awaited<ReturnType<typeof person>>;
let street: Awaited<ReturnType<typeof person>>;
let grid: Awaited<ReturnType<typeof person>>;
let leader: Awaited<ReturnType<typeof person>>;
let reps: string[];
let serviceId: string;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await person(ctx, 'community_staff', A.community.id);
  otherStaff = await person(ctx, 'community_staff', B.community.id);
  street = await person(ctx, 'street_supervisor', A.street.id);
  grid = await person(ctx, 'grid_worker', A.grid.id);
  leader = await person(ctx, 'building_leader', A.building.id);
  const homes = await Promise.all(['王建国', '李秀英', '张德明'].map((name) => buildHousehold(ctx.t.db, A.building, { head: { name } })));
  reps = homes.map((h) => h.members[0]!.id);
  serviceId = (await buildService(ctx.t.db, A.street, { category: 'home_service', name: '车位划线' })).id;
});

const body = (extra: Record<string, unknown> = {}) => ({
  communityId: A.community.id,
  kind: 'representative',
  title: '鸿福家园停车问题居民代表会议',
  startsAt: '2026-05-12T19:00:00+08:00',
  place: '社区议事厅',
  agenda: ['通报停车位现状', '讨论划线方案'],
  invitees: [
    ...reps.map((residentId) => ({ kind: 'resident', residentId, role: 'representative' })),
    { kind: 'org', name: '鸿福物业', role: 'property' },
    { kind: 'guest', name: '街道城管科' },
  ],
  ...extra,
});
const call = async () => {
  const res = await staff.post('/api/meetings', body());
  expect(res.statusCode, res.body).toBe(200);
  return MeetingDto.parse(res.json());
};
const held = async () => {
  const m = await call();
  return MeetingDto.parse((await staff.post(`/api/meetings/${m.id}/status`, { status: 'held' })).json());
};
const decide = async (m: MeetingDto, text = '在3号楼东侧增划12个车位') =>
  MeetingDto.parse((await staff.post(`/api/meetings/${m.id}/decisions`, { text })).json()).decisionList.at(-1)!;

describe('meetings', () => {
  it('community_staff: can call a meeting, mark attendance on it, and hold it', async () => {
    const m = await call();
    expect(m).toMatchObject({ status: 'draft', invited: 5, present: 0, abilities: ['edit', 'attendance', 'advance'] });
    expect(m.invitees.map((i) => [i.name, i.role])).toEqual([
      ['王建国', 'representative'],
      ['李秀英', 'representative'],
      ['张德明', 'representative'],
      ['鸿福物业', 'property'],
      ['街道城管科', 'guest'],
    ]);
    const marks = m.invitees.map((i, n) => ({ inviteeId: i.id, attendance: n === 1 ? 'excused' : 'present' }));
    const marked = MeetingDto.parse((await staff.post(`/api/meetings/${m.id}/attendance`, { marks })).json());
    expect(marked.present).toBe(4);
    expect(marked.invitees[1]!.attendance).toBe('excused');
    const h = MeetingDto.parse((await staff.post(`/api/meetings/${m.id}/status`, { status: 'held' })).json());
    expect(h.status).toBe('held');
    expect(h.abilities).toContain('order');
    const list = MeetingList.parse((await grid.get('/api/meetings')).json());
    expect(list.items.map((i) => i.id)).toContain(m.id);
  });

  it('community_staff: can turn a decision into an order with channel meeting, and the meeting shows its status', async () => {
    const m = await held();
    const d = await decide(m);
    const res = await staff.post(`/api/meetings/${m.id}/decisions/${d.id}/orders`, {
      orders: [{ serviceId, description: '3号楼东侧空地划线12个车位', buildingId: A.building.id }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = MeetingDto.parse(res.json()).decisionList.find((x) => x.id === d.id)!;
    expect(after.outcome).toBe('orders');
    expect(after.orders).toHaveLength(1);
    expect(after.progress).toEqual({ done: 0, total: 1 });
    const order = OrderDto.parse((await staff.get(`/api/orders/${after.orders[0]!.id}`)).json());
    expect(order).toMatchObject({ channel: 'meeting', status: after.orders[0]!.status, buildingId: A.building.id });
    const desk = OrderList.parse((await staff.get('/api/orders?view=desk&status=open')).json());
    expect(desk.items.find((o) => o.id === order.id)?.channel).toBe('meeting');
    const again = await staff.post(`/api/meetings/${m.id}/decisions/${d.id}/orders`, {
      orders: [{ serviceId, description: '再下一单试试看' }],
    });
    expect(again.statusCode).toBe(409);
  });

  it('community_staff: two staff acting on one decision at once: one 200, one 409, and only the winner’s order exists', async () => {
    const m = await held();
    const d = await decide(m, '楼道灯维修');
    const colleague = await person(ctx, 'community_staff', A.community.id);
    const send = (who: typeof staff) =>
      who.post(`/api/meetings/${m.id}/decisions/${d.id}/orders`, { orders: [{ serviceId, description: '三号楼楼道灯不亮需维修' }] });
    const answers = await Promise.all([send(staff), send(colleague)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const { rows } = await ctx.t.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE idempotency_key LIKE $1`, [
      `meeting-decision:${d.id}:%`,
    ]);
    expect(rows[0]!.n).toBe(1);
  });

  it('community_staff: a decision whose order is refused stays open for another try', async () => {
    const m = await held();
    const d = await decide(m, '绿化补种');
    const bad = await staff.post(`/api/meetings/${m.id}/decisions/${d.id}/orders`, {
      orders: [{ serviceId, description: '北区绿化带补种冬青', buildingId: B.building.id }],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    const good = await staff.post(`/api/meetings/${m.id}/decisions/${d.id}/orders`, {
      orders: [{ serviceId, description: '北区绿化带补种冬青' }],
    });
    expect(good.statusCode, good.body).toBe(200);
  });

  it('community_staff: two clicks at once on the same decision place its orders once (one 200, one 409)', async () => {
    const m = await held();
    const d = await decide(m, '路灯维修');
    const send = () =>
      staff.post(`/api/meetings/${m.id}/decisions/${d.id}/orders`, { orders: [{ serviceId, description: '小区北门路灯不亮需维修' }] });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const { rows } = await ctx.t.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders WHERE idempotency_key LIKE $1`, [
      `meeting-decision:${d.id}:%`,
    ]);
    expect(rows[0]!.n).toBe(1);
  });

  it('community_staff: a claim never linked (the process died between claim and link) blocks for a few minutes, then is released', async () => {
    const m = await held();
    const d = await decide(m, '健身器材更换');
    const forge = (ago: string) =>
      ctx.t.pool.query(`UPDATE meeting_decisions SET outcome = 'orders', claimed_at = now() - $2::interval WHERE id = $1`, [d.id, ago]);
    const tasks = { tasks: [{ title: '物业更换器材', assignee: '鸿福物业', dueOn: '2026-06-01' }] };
    const decisionOf = async () =>
      MeetingDto.parse((await staff.get(`/api/meetings/${m.id}`)).json()).decisionList.find((x) => x.id === d.id)!;
    await forge('1 minute');
    expect((await decisionOf()).outcome).toBe('orders');
    const underway = await kit.en(staff, 'POST', `/api/meetings/${m.id}/decisions/${d.id}/tasks`, tasks);
    expect([underway.statusCode, underway.json().error.message]).toEqual([409, expect.stringMatching(/being turned into action/)]);
    await forge('10 minutes');
    expect((await decisionOf()).outcome).toBeNull();
    const res = await staff.post(`/api/meetings/${m.id}/decisions/${d.id}/tasks`, tasks);
    expect(res.statusCode, res.body).toBe(200);
    expect(await decisionOf()).toMatchObject({ outcome: 'tasks', progress: { done: 0, total: 1 } });
    const { rows } = await ctx.t.pool.query(`SELECT claimed_at FROM meeting_decisions WHERE id = $1`, [d.id]);
    expect(rows[0].claimed_at).toBeNull();
    expect((await staff.post(`/api/meetings/${m.id}/decisions/${d.id}/tasks`, tasks)).statusCode).toBe(409);
  });

  it('community_staff: can turn a decision into tasks and tick them; the progress counts them', async () => {
    const m = await held();
    const d = await decide(m, '物业公示收费标准');
    const res = await staff.post(`/api/meetings/${m.id}/decisions/${d.id}/tasks`, {
      tasks: [
        { title: '物业张贴收费公示', assignee: '鸿福物业', dueOn: '2026-06-01' },
        { title: '社区回访代表', assignee: '社区', dueOn: '2026-06-15' },
      ],
    });
    const tasks = MeetingDto.parse(res.json()).decisionList[0]!.tasks;
    const ticked = MeetingDto.parse((await staff.post(`/api/meetings/${m.id}/tasks/${tasks[0]!.id}`, { done: true })).json());
    expect(ticked.decisionList[0]!.progress).toEqual({ done: 1, total: 2 });
  });

  it('community_staff: can turn a decision into a mediation case of the meeting’s community', async () => {
    const m = await held();
    const d = await decide(m, '王李两户车位纠纷转调解');
    const res = await staff.post(`/api/meetings/${m.id}/decisions/${d.id}/mediation`, {
      kind: 'parking',
      title: '车位占用纠纷',
      facts: '两户争用同一车位',
      parties: [
        { kind: 'resident', residentId: reps[0], side: 'applicant' },
        { kind: 'resident', residentId: reps[1], side: 'respondent' },
      ],
      mediatorIds: [staff.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(MeetingDto.parse(res.json()).decisionList[0]!.mediation).toMatchObject({ status: 'open', caseNo: expect.stringMatching(/^TJ/) });
  });

  it('community_staff: cannot close a meeting without minutes (400 minutes), can once they are written', async () => {
    const m = await held();
    const res = await kit.en(staff, 'POST', `/api/meetings/${m.id}/status`, { status: 'closed' });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([{ path: 'minutes', message: 'Write the minutes before closing the meeting' }]);
    await staff.put(`/api/meetings/${m.id}`, { minutes: '会议一致通过划线方案。' });
    const closed = MeetingDto.parse((await staff.post(`/api/meetings/${m.id}/status`, { status: 'closed' })).json());
    expect(closed).toMatchObject({ status: 'closed', abilities: ['tick'] });
    expect((await staff.post(`/api/meetings/${m.id}/decisions`, { text: '再加一条' })).statusCode).toBe(409);
  });

  it('community_staff: gets field-level 400s and nothing changes', async () => {
    const empty = await kit.en(staff, 'POST', '/api/meetings', body({ agenda: [], title: '' }));
    expect(empty.statusCode).toBe(400);
    expect(
      issuesOf(empty)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['agenda', 'title']);
    const outsider = (await buildHousehold(ctx.t.db, B.building, { head: { name: '外社区' } })).members[0]!.id;
    const bad = await kit.en(
      staff,
      'POST',
      '/api/meetings',
      body({ invitees: [{ kind: 'resident', residentId: outsider, role: 'representative' }] }),
    );
    expect(issuesOf(bad)).toEqual([{ path: 'invitees.0.residentId', message: 'This resident is not in the registry of the community' }]);
    const m = await held();
    const d = await decide(m);
    const wrongBuilding = await kit.en(staff, 'POST', `/api/meetings/${m.id}/decisions/${d.id}/orders`, {
      orders: [{ serviceId, description: '划线十二个车位', buildingId: B.building.id }],
    });
    expect(wrongBuilding.statusCode).toBe(400);
    expect(issuesOf(wrongBuilding)[0]!.path).toBe('orders.0.intake.buildingId');
    const unchanged = MeetingDto.parse((await staff.get(`/api/meetings/${m.id}`)).json()).decisionList[0]!;
    expect(unchanged).toMatchObject({ outcome: null, orders: [] });
    const mark = await kit.en(staff, 'POST', `/api/meetings/${m.id}/attendance`, { marks: [{ inviteeId: d.id, attendance: 'present' }] });
    expect(issuesOf(mark)).toEqual([{ path: 'marks.0.inviteeId', message: 'Not an invitee of this meeting' }]);
  });

  it('community_staff: cannot see another community’s meeting (404) nor call one there', async () => {
    const m = await call();
    expect((await otherStaff.get(`/api/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await otherStaff.put(`/api/meetings/${m.id}`, { minutes: 'x' })).statusCode).toBe(404);
    expect(MeetingList.parse((await otherStaff.get('/api/meetings')).json()).items.map((i) => i.id)).not.toContain(m.id);
    const there = await otherStaff.post('/api/meetings', body());
    expect([there.statusCode, codeOf(there)]).toEqual([404, 'NOT_FOUND']);
  });

  it('grid_worker and street_supervisor: can read but cannot change a representative meeting (403)', async () => {
    const m = await held();
    expect((await grid.get(`/api/meetings/${m.id}`)).statusCode).toBe(200);
    expect((await grid.post(`/api/meetings/${m.id}/decisions`, { text: '网格员决议' })).statusCode).toBe(403);
    const seen = MeetingDto.parse((await street.get(`/api/meetings/${m.id}`)).json());
    expect(seen.abilities).toEqual([]);
    expect((await street.post(`/api/meetings/${m.id}/decisions`, { text: '街道决议' })).statusCode).toBe(403);
    expect((await street.post('/api/meetings', body())).statusCode).toBe(403);
  });

  it('street_supervisor: can call a joint meeting of its community', async () => {
    const res = await street.post('/api/meetings', body({ kind: 'joint', title: '物业问题联席会议' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(MeetingDto.parse(res.json()).abilities).toContain('edit');
  });

  it('building_leader: cannot read meetings (403)', async () => {
    const m = await call();
    expect((await leader.get('/api/meetings')).statusCode).toBe(403);
    expect((await leader.get(`/api/meetings/${m.id}`)).statusCode).toBe(403);
  });
});
