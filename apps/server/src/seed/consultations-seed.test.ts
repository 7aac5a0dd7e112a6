import { BallotList, VoteTopicDto, VoteTopicList, WorkReportDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, signIn, testPii, useTestApp } from '../testing/index.js';
import { seedDemo } from './index.js';

const NOW = new Date(Date.UTC(2026, 5, 1));
const ctx = useTestApp();
let staff: Agent;
let resident: Agent;

beforeAll(async () => {
  await seedDemo({ db: ctx.t.db, pii: testPii, password: TEST_PASSWORD, log: () => {}, now: NOW });
  staff = await signIn(ctx.app, 'anping-staff', TEST_PASSWORD);
  resident = await signIn(ctx.app, 'resident', TEST_PASSWORD);
}, 180_000);

describe('demo consultation, read through the API', () => {
  it("鸿福家园's parking allocation closed and published: 349 households voted, 186 online, 42 in person, 121 on paper", async () => {
    const list = VoteTopicList.parse((await staff.get('/api/consultations')).json());
    expect(list.total).toBe(2);
    const parking = list.items.find((i) => i.kind === 'parking')!;
    const topic = VoteTopicDto.parse((await staff.get(`/api/consultations/${parking.id}`)).json());
    expect(topic).toMatchObject({
      title: '鸿福家园地面停车位分配方案',
      areaName: '鸿福家园',
      status: 'closed',
      quorum: 300,
      votedCount: 349,
      byChannel: { online: 186, in_person: 42, paper: 121 },
      quorumReached: true,
      winner: 'lottery',
    });
    expect(topic.publishedAt).not.toBeNull();
    expect(topic.eligibleCount).toBeGreaterThan(349);
    expect(topic.tally?.map((t) => [t.key, t.votes])).toEqual([
      ['lottery', 204],
      ['priority', 101],
      ['first_come', 44],
    ]);
    const ballots = BallotList.parse((await staff.get(`/api/consultations/${topic.id}/votes`)).json()).items;
    expect(ballots).toHaveLength(349);
    expect(ballots.every((b) => /\*$/.test(b.voterName))).toBe(true);
  });

  it("鸿福家园's owners renewed the property company: double 2/3 reached, more than half of area and owners consent", async () => {
    const list = VoteTopicList.parse((await staff.get('/api/consultations')).json());
    const topic = VoteTopicDto.parse(
      (await staff.get(`/api/consultations/${list.items.find((i) => i.eligibility === 'owners')!.id}`)).json(),
    );
    expect(topic).toMatchObject({ title: '鸿福家园续聘物业服务企业', status: 'closed', quorumReached: true, winner: 'yes' });
    const o = topic.owners!;
    expect(o).toMatchObject({ areaReached: true, ownersReached: true, rule: 'majority' });
    expect(3 * o.voted.area).toBeGreaterThanOrEqual(2 * o.total.area);
    expect(3 * o.voted.owners).toBeGreaterThanOrEqual(2 * o.total.owners);
    const yes = o.options!.find((x) => x.key === 'yes')!;
    expect(2 * yes.area).toBeGreaterThan(o.voted.area);
    expect(2 * yes.owners).toBeGreaterThan(o.voted.owners);
    expect(topic.byChannel.online).toBeGreaterThan(0);
    expect(topic.byChannel.paper).toBeGreaterThan(0);
    expect(topic.byChannel.online + topic.byChannel.paper).toBe(topic.votedCount);
    // the seed's figures: 1,104 of 1,379 owner-occupied flats voted (621 online, 483 on paper); 927 consented
    expect(topic).toMatchObject({ eligibleCount: 1379, votedCount: 1104, byChannel: { online: 621, in_person: 0, paper: 483 } });
    expect(o.total).toEqual({ area: 133301.38, owners: 1379, flats: 1379 });
    expect(o.voted).toEqual({ area: 107015.06, owners: 1104, flats: 1104 });
    expect(yes).toEqual({ key: 'yes', area: 89728.81, owners: 927, passes: true });
  });

  it("Anping's work report counts both consultations by topic, in the month they closed", async () => {
    const res = await staff.get('/api/reports/work?area=321003001001&from=2025-06-01&to=2026-05-31');
    expect(res.statusCode, res.body).toBe(200);
    const report = WorkReportDto.parse(res.json());
    expect(report.figures.consultations?.value).toBe(2);
    expect(report.figures.consultations?.by?.find((b) => b.key === 'parking')?.value).toBe(1);
    expect(report.figures.consultations?.by?.find((b) => b.key === 'property_selection')?.value).toBe(1);
    expect(report.months.find((m) => m.month === '2026-05')?.values.consultations).toBe(2);
  });

  it("resident: cannot see another community's consultation (Green Yangyuan's resident lists none)", async () => {
    expect(VoteTopicList.parse((await resident.get('/api/consultations')).json()).total).toBe(0);
  });
});
