import { BallotList, VoteTopicDto, VoteTopicList } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tree, buildCommunityTree, buildHousehold, useTestApp } from '../../testing/index.js';
import { person } from '../mediation/test-kit.js';
import { codeOf, issuesOf, registryKit } from '../registry/test-kit.js';
import { REPRESENTATIVE_TAG } from './eligibility.js';
import { parkingTopic, residentHousehold } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let staff: Awaited<ReturnType<typeof person>>;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await person(ctx, 'community_staff', A.community.id);
});

async function open(extra: Record<string, unknown> = {}) {
  const res = await staff.post('/api/consultations', parkingTopic(A.compound.id, extra));
  expect(res.statusCode, res.body).toBe(200);
  return VoteTopicDto.parse(res.json());
}
const closeNow = (id: string) => ctx.t.pool.query(`UPDATE consultations SET closes_at = now() - interval '1 minute' WHERE id = $1`, [id]);

describe('consultations and votes (议事协商)', () => {
  it("community_staff: can open a consultation for a compound's households; the eligible set is counted", async () => {
    await buildHousehold(ctx.t.db, A.building);
    const c = await open();
    expect(c).toMatchObject({ status: 'open', eligibility: 'compound_households', areaName: A.compound.name, votedCount: 0 });
    expect(c.eligibleCount).toBeGreaterThanOrEqual(1);
    expect(c.abilities).toEqual({ vote: false, record: true, publish: false });
    expect(await kit.count('audit_log', `action = 'consultation.create'`)).toBe(1);
  });

  it('community_staff: cannot open one with a wrong area, past closing time or for another community (nothing stored)', async () => {
    const before = await kit.count('consultations');
    const wrongKind = await kit.en(staff, 'POST', '/api/consultations', parkingTopic(A.building.id));
    expect(issuesOf(wrongKind)).toEqual([
      { path: 'areaId', message: 'The area must match the rule: a compound, a building or a community' },
    ]);
    const past = await staff.post('/api/consultations', parkingTopic(A.compound.id, { closesAt: '2020-01-01T00:00:00Z' }));
    expect(issuesOf(past)).toEqual([{ path: 'closesAt', message: '截止时间须晚于现在' }]);
    expect((await staff.post('/api/consultations', parkingTopic(A.compound.id, { options: [] }))).statusCode).toBe(400);
    expect((await staff.post('/api/consultations', parkingTopic(B.compound.id))).statusCode).toBe(404);
    expect(await kit.count('consultations')).toBe(before);
  });

  it('grid_worker: cannot open or list consultations (403)', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    expect((await worker.post('/api/consultations', parkingTopic(A.compound.id))).statusCode).toBe(403);
    expect((await worker.get('/api/consultations')).statusCode).toBe(403);
  });

  it("community_staff: cannot see another community's consultation (404)", async () => {
    const c = await open();
    const other = await person(ctx, 'community_staff', B.community.id);
    expect((await other.get(`/api/consultations/${c.id}`)).statusCode).toBe(404);
    expect(VoteTopicList.parse((await other.get('/api/consultations')).json()).items).toEqual([]);
  });

  it('resident: can vote online once; a second vote from the household, online or at the desk, is refused with the reason', async () => {
    const c = await open();
    const r = await residentHousehold(ctx, A.building);
    const first = await r.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'lottery' });
    expect(first.statusCode, first.body).toBe(200);
    expect(VoteTopicDto.parse(first.json())).toMatchObject({
      myVote: { optionKey: 'lottery', channel: 'online' },
      tally: null,
      votedCount: 1,
    });
    const again = await r.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'rotation' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/^本户已于 .* 通过线上投票，每户只计一票$/);
    const desk = await kit.en(staff, 'POST', `/api/consultations/${c.id}/votes`, {
      optionKey: 'rotation',
      channel: 'paper',
      residentId: r.spouse.id,
    });
    expect(desk.statusCode).toBe(409);
    expect(desk.json().error.message).toMatch(/This household already voted online/);
    expect(await kit.count('consultation_votes', 'consultation_id = $1', [c.id])).toBe(1);
  });

  it('resident: cannot vote twice when two votes of the household arrive at the same moment', async () => {
    const c = await open();
    const r = await residentHousehold(ctx, A.building);
    const results = await Promise.all([
      r.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'lottery' }),
      staff.post(`/api/consultations/${c.id}/votes`, { optionKey: 'rotation', channel: 'in_person', residentId: r.spouse.id }),
      r.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'rotation' }),
    ]);
    expect(results.map((x) => x.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await kit.count('consultation_votes', 'consultation_id = $1', [c.id])).toBe(1);
    // below the row lock, the unique index refuses a second row for the household whatever the channel
    const sneak = `INSERT INTO consultation_votes (consultation_id, household_id, option_key, channel) VALUES ($1, $2, 'lottery', 'paper')`;
    await expect(ctx.t.pool.query(sneak, [c.id, r.household.id])).rejects.toMatchObject({ code: '23505' });
  });

  it('resident: cannot vote after closing, nor from outside the eligible set', async () => {
    const c = await open();
    const r = await residentHousehold(ctx, A.building);
    const outsider = await residentHousehold(ctx, B.building);
    expect((await outsider.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'lottery' })).statusCode).toBe(404);
    const outsideDesk = await staff.post(`/api/consultations/${c.id}/votes`, {
      optionKey: 'lottery',
      channel: 'paper',
      residentId: outsider.head.id,
    });
    expect(issuesOf(outsideDesk)).toEqual([{ path: 'residentId', message: '该住户不在本次协商的投票范围内' }]);
    const bad = await r.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'nope' });
    expect(issuesOf(bad)).toEqual([{ path: 'optionKey', message: '没有这个选项' }]);
    await closeNow(c.id);
    const late = await r.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'lottery' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/^投票已于 .* 截止，不再接受投票$/);
    expect(await kit.count('consultation_votes', 'consultation_id = $1', [c.id])).toBe(0);
  });

  it('resident: cannot vote on a representatives-only topic unless a representative', async () => {
    const c = await open({ eligibility: 'representatives', areaId: A.community.id });
    const plain = await residentHousehold(ctx, A.building);
    const rep = await residentHousehold(ctx, A.building, [REPRESENTATIVE_TAG]);
    const refused = await plain.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'lottery' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('本次协商仅限居民代表投票');
    expect((await rep.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'lottery' })).statusCode).toBe(200);
  });

  it('community_staff: can publish after closing; residents then read the tally and the record is kept', async () => {
    const c = await open({ quorum: 2 });
    const r1 = await residentHousehold(ctx, A.building);
    const r2 = await residentHousehold(ctx, A.building);
    await r1.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'rotation' });
    const paper = await staff.post(`/api/consultations/${c.id}/votes`, {
      optionKey: 'rotation',
      channel: 'paper',
      residentId: r2.spouse.id,
    });
    expect(paper.statusCode, paper.body).toBe(200);
    expect(codeOf(await staff.post(`/api/consultations/${c.id}/publish`))).toBe('CONFLICT');
    await closeNow(c.id);
    expect((await r1.agent.post(`/api/consultations/${c.id}/publish`)).statusCode).toBe(403);
    const pub = VoteTopicDto.parse((await staff.post(`/api/consultations/${c.id}/publish`)).json());
    expect(pub).toMatchObject({
      status: 'closed',
      quorumReached: true,
      winner: 'rotation',
      byChannel: { online: 1, in_person: 0, paper: 1 },
    });
    const seen = VoteTopicDto.parse((await r2.agent.get(`/api/consultations/${c.id}`)).json());
    expect(seen.tally?.map((t) => [t.key, t.votes])).toEqual([
      ['lottery', 0],
      ['rotation', 2],
    ]);
    expect(seen.myVote).toMatchObject({ channel: 'paper' });
    const ballots = BallotList.parse((await staff.get(`/api/consultations/${c.id}/votes`)).json());
    expect(ballots.items.map((b) => b.voterName)).toEqual(expect.arrayContaining(['赵*']));
    expect((await r1.agent.get(`/api/consultations/${c.id}/votes`)).statusCode).toBe(403);
  });
});
