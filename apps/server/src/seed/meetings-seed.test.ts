import { MeetingDto, MeetingList, WorkReportDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, signIn, testPii, useTestApp } from '../testing/index.js';
import { seedDemo } from './index.js';

const NOW = new Date(Date.UTC(2026, 5, 1));
const ctx = useTestApp();
let staff: Agent;
let street: Agent;

beforeAll(async () => {
  await seedDemo({ db: ctx.t.db, pii: testPii, password: TEST_PASSWORD, log: () => {}, now: NOW });
  staff = await signIn(ctx.app, 'anping-staff', TEST_PASSWORD);
  street = await signIn(ctx.app, 'street', TEST_PASSWORD);
}, 180_000);

const meetings = async (agent: Agent) => MeetingList.parse((await agent.get('/api/meetings?pageSize=50')).json()).items;
const one = async (id: string) => MeetingDto.parse((await staff.get(`/api/meetings/${id}`)).json());

describe('demo meetings, read through the API', () => {
  it('Anping held two resident representative meetings (closed, with minutes) and one joint meeting', async () => {
    const items = await meetings(staff);
    expect(items.map((m) => [m.kind, m.status, m.communityName])).toEqual([
      ['joint', 'held', '安平社区'],
      ['representative', 'closed', '安平社区'],
      ['representative', 'closed', '安平社区'],
    ]);
    expect(items.map((m) => [m.invited, m.present])).toEqual(FIGURES.attendance);
    for (const m of items) expect(m.present).toBeGreaterThanOrEqual(m.kind === 'joint' ? 5 : 10);
    expect((await meetings(street)).length).toBe(3);
  });

  it('the representative meetings’ decisions went to 7 meeting-channel orders of Anping, whose statuses the meeting shows', async () => {
    const reps = (await meetings(staff)).filter((m) => m.kind === 'representative');
    for (const item of reps) {
      const m = await one(item.id);
      expect(m.minutes.length).toBeGreaterThan(50);
      expect(m.agenda.length).toBe(4);
      const ordered = m.decisionList.filter((d) => d.outcome === 'orders');
      expect(ordered.length).toBeGreaterThan(0);
      for (const d of ordered) expect(d.progress.total).toBe(d.orders.length);
    }
    const ids = (await Promise.all(reps.map((r) => one(r.id)))).flatMap((m) => m.decisionList.flatMap((d) => d.orders.map((o) => o.id)));
    expect(ids.length).toBe(FIGURES.linkedOrders);
    const { rows } = await ctx.t.pool.query<{ channel: string; name: string }>(
      `SELECT DISTINCT o.channel, c.name FROM orders o JOIN area_nodes c ON c.id = o.community_id WHERE o.id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows).toEqual([{ channel: 'meeting', name: '安平社区' }]);
  });

  it('each meeting has a task list whose progress it sees; the work report counts the meetings by kind', async () => {
    const all = await Promise.all((await meetings(staff)).map((m) => one(m.id)));
    expect(all.map((m) => m.decisionList.find((d) => d.outcome === 'tasks')!.progress)).toEqual([
      { done: 2, total: 4 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
    const report = WorkReportDto.parse((await street.get('/api/reports/work?area=321003001001&from=2025-06-01&to=2026-05-31')).json());
    expect(report.figures.meetings?.by?.map((b) => [b.key, b.value])).toEqual([
      ['representative', 2],
      ['joint', 1],
      ['party_alliance', 0],
    ]);
    expect(report.figures.legalConsultations?.value).toBeGreaterThan(0);
  });
});

/** What the seed made (NOW, DEMO_SEED): invited and present per meeting, newest first, and the orders decided. */
const FIGURES = {
  attendance: [
    [10, 9],
    [15, 12],
    [15, 15],
  ],
  linkedOrders: 7,
};
