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
    expect(list.total).toBe(1);
    const topic = VoteTopicDto.parse((await staff.get(`/api/consultations/${list.items[0]!.id}`)).json());
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

  it("Anping's work report counts the consultation under parking, in the month it closed", async () => {
    const res = await staff.get('/api/reports/work?area=321003001001&from=2025-06-01&to=2026-05-31');
    expect(res.statusCode, res.body).toBe(200);
    const report = WorkReportDto.parse(res.json());
    expect(report.figures.consultations?.value).toBe(1);
    expect(report.figures.consultations?.by?.find((b) => b.key === 'parking')?.value).toBe(1);
    expect(report.months.find((m) => m.month === '2026-05')?.values.consultations).toBe(1);
  });

  it("resident: cannot see another community's consultation (Green Yangyuan's resident lists none)", async () => {
    expect(VoteTopicList.parse((await resident.get('/api/consultations')).json()).total).toBe(0);
  });
});
