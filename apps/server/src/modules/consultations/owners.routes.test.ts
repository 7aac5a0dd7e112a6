import { VoteTopicDto, VoterPartList } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tree, buildCommunityTree, buildFlat, buildHousehold, useTestApp } from '../../testing/index.js';
import { person } from '../mediation/test-kit.js';
import { issuesOf, registryKit } from '../registry/test-kit.js';
import { ownFlat, ownerHousehold, ownersTopic, residentHousehold } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);
let street: Tree;
beforeAll(async () => {
  street = await buildCommunityTree(ctx.t.db);
});

/** A fresh community whose compound has `areas.length` owner households (one flat each of the given m²). */
async function compound(areas: number[]) {
  const T = await buildCommunityTree(ctx.t.db, street.street);
  const staff = await person(ctx, 'community_staff', T.community.id);
  const owners = [];
  for (const a of areas) owners.push(await ownerHousehold(ctx, T.building, a));
  const res = await staff.post('/api/consultations', ownersTopic(T.compound.id));
  expect(res.statusCode, res.body).toBe(200);
  return { T, staff, owners, topic: VoteTopicDto.parse(res.json()) };
}
const closeNow = (id: string) => ctx.t.pool.query(`UPDATE consultations SET closes_at = now() - interval '1 minute' WHERE id = $1`, [id]);

describe("owners' votes (业主共同决定, Civil Code art. 278)", () => {
  it("community_staff: opens an owners' vote counted by exclusive area and owners; not for a non-owners' matter (400)", async () => {
    const { T, staff, topic } = await compound([89.5, 120.25, 60]);
    await buildHousehold(ctx.t.db, T.building); // a tenant household owns nothing: not in the base
    expect(topic).toMatchObject({ eligibility: 'owners', eligibleCount: 3, votedCount: 0, quorumReached: false });
    expect(topic.owners).toEqual({
      total: { area: 269.75, owners: 3, flats: 3 },
      voted: { area: 0, owners: 0, flats: 0 },
      areaReached: false,
      ownersReached: false,
      rule: 'majority',
      options: [
        { key: 'yes', area: 0, owners: 0, passes: false },
        { key: 'no', area: 0, owners: 0, passes: false },
      ],
    });
    const before = await kit.count('consultations');
    const parking = await kit.en(staff, 'POST', '/api/consultations', ownersTopic(T.compound.id, { kind: 'parking' }));
    expect(issuesOf(parking)).toEqual([{ path: 'kind', message: expect.stringMatching(/only for owners' matters/) }]);
    const community = await staff.post('/api/consultations', ownersTopic(T.community.id));
    expect(issuesOf(community)).toEqual([{ path: 'areaId', message: '投票范围须与资格规则一致：小区、楼栋或社区' }]);
    expect(await kit.count('consultations')).toBe(before);
  });

  it('online and paper ballots: each flat counted once across channels; a non-owner is refused', async () => {
    const { T, staff, owners, topic } = await compound([100, 100, 100]);
    const [a, b] = owners;
    const online = await a!.agent.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'yes' });
    expect(online.statusCode, online.body).toBe(200);
    const paper = await staff.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'no', channel: 'paper', residentId: b!.spouse.id });
    expect(paper.statusCode, paper.body).toBe(200);
    expect(VoteTopicDto.parse(paper.json()).owners).toMatchObject({ voted: { area: 200, owners: 2, flats: 2 }, areaReached: true });
    const twice = await kit.en(staff, 'POST', `/api/consultations/${topic.id}/votes`, {
      optionKey: 'no',
      channel: 'in_person',
      residentId: a!.spouse.id,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/This flat already voted online .* each exclusive part counts once/);
    const tenant = await residentHousehold(ctx, T.building);
    const refused = await tenant.agent.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'yes' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/没有登记产权的房屋/);
    const desk = await staff.post(`/api/consultations/${topic.id}/votes`, {
      optionKey: 'yes',
      channel: 'paper',
      residentId: tenant.head.id,
    });
    expect(issuesOf(desk)).toEqual([{ path: 'residentId', message: expect.stringMatching(/没有登记产权的房屋/) }]);
    expect(await kit.count('consultation_votes', 'consultation_id = $1', [topic.id])).toBe(2);
  });

  it('the same flat voted online and on paper at the same moment is counted once', async () => {
    const { staff, owners, topic } = await compound([100, 100, 100]);
    const o = owners[0]!;
    const results = await Promise.all([
      o.agent.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'yes' }),
      staff.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'no', channel: 'paper', residentId: o.spouse.id }),
      staff.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'no', channel: 'in_person', residentId: o.head.id }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect(await kit.count('consultation_votes', 'consultation_id = $1', [topic.id])).toBe(1);
    const sneak = `INSERT INTO consultation_votes (consultation_id, household_id, flat_id, option_key, channel) VALUES ($1, $2, $3, 'no', 'paper')`;
    await expect(ctx.t.pool.query(sneak, [topic.id, o.household.id, o.household.flatId])).rejects.toMatchObject({ code: '23505' });
  });

  it('exactly 2/3 of the area and owners take part and all consent: carried; published with the base frozen', async () => {
    const { T, staff, owners, topic } = await compound([100, 100, 100]);
    for (const o of owners.slice(0, 2))
      expect((await o.agent.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'yes' })).statusCode).toBe(200);
    await closeNow(topic.id);
    const pub = VoteTopicDto.parse((await staff.post(`/api/consultations/${topic.id}/publish`)).json());
    expect(pub).toMatchObject({ quorumReached: true, winner: 'yes', owners: { areaReached: true, ownersReached: true } });
    // a flat bought later does not change the published record
    await ownFlat(ctx, await buildHousehold(ctx.t.db, T.building), 500);
    const seen = VoteTopicDto.parse((await owners[2]!.agent.get(`/api/consultations/${topic.id}`)).json());
    expect(seen.owners?.total).toEqual({ area: 300, owners: 3, flats: 3 });
    expect(seen.winner).toBe('yes');
  });

  it('just below 2/3 of the area, or consent of exactly half: not carried', async () => {
    const short = await compound([100, 100, 100.01]);
    for (const o of short.owners.slice(0, 2)) await o.agent.post(`/api/consultations/${short.topic.id}/votes`, { optionKey: 'yes' });
    await closeNow(short.topic.id);
    const s = VoteTopicDto.parse((await short.staff.get(`/api/consultations/${short.topic.id}`)).json());
    expect(s).toMatchObject({ winner: null, quorumReached: false, owners: { areaReached: false, ownersReached: true } });

    const half = await compound([100, 100, 100]);
    await half.owners[0]!.agent.post(`/api/consultations/${half.topic.id}/votes`, { optionKey: 'yes' });
    await half.owners[1]!.agent.post(`/api/consultations/${half.topic.id}/votes`, { optionKey: 'no' });
    await closeNow(half.topic.id);
    const h = VoteTopicDto.parse((await half.staff.get(`/api/consultations/${half.topic.id}`)).json());
    expect(h).toMatchObject({ quorumReached: true, winner: null });
    expect(h.owners?.options?.map((o) => o.passes)).toEqual([false, false]);
  });

  it('rebuilding needs 3/4: exactly 3 of 4 carries, 2 of 3 does not', async () => {
    for (const [yes, no, winner] of [
      [3, 1, 'yes'],
      [2, 1, null],
    ] as const) {
      const T = await buildCommunityTree(ctx.t.db, street.street);
      const staff = await person(ctx, 'community_staff', T.community.id);
      const owners = [];
      for (let i = 0; i < 4; i++) owners.push(await ownerHousehold(ctx, T.building, 100));
      const c = VoteTopicDto.parse((await staff.post('/api/consultations', ownersTopic(T.compound.id, { kind: 'rebuilding' }))).json());
      expect(c.owners?.rule).toBe('three_quarters');
      for (let i = 0; i < yes + no; i++)
        await owners[i]!.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: i < yes ? 'yes' : 'no' });
      await closeNow(c.id);
      expect(VoteTopicDto.parse((await staff.get(`/api/consultations/${c.id}`)).json()).winner).toBe(winner);
    }
  });

  it('an owner of two flats votes per flat, at the desk and online: the flat picker lists both with what voted (403 / 404)', async () => {
    const { T, staff, owners, topic } = await compound([100, 100]);
    const o = owners[0]!;
    const second = { flatId: (await buildFlat(ctx.t.db, T.building)).id };
    await ownFlat(ctx, { id: o.household.id, flatId: second.flatId }, 80);
    const votes = `/api/consultations/${topic.id}/votes`;
    const partsOf = async (agent: Pick<typeof staff, 'get'>, query = '') => {
      const res = await agent.get(`/api/consultations/${topic.id}/parts${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return VoterPartList.parse(res.json()).items;
    };
    const listed = await partsOf(staff, `?residentId=${o.spouse.id}`);
    expect(listed.map((p) => [p.flatId, p.areaM2, p.voted]).sort()).toEqual(
      [
        [o.household.flatId, 100, false],
        [second.flatId, 80, false],
      ].sort(),
    );
    expect(listed[0]!.buildingName).toBe(T.building.name);
    const bare = await kit.en(staff, 'POST', votes, { optionKey: 'yes', channel: 'paper', residentId: o.spouse.id });
    expect(issuesOf(bare)).toEqual([{ path: 'flatId', message: expect.stringMatching(/flat/i) }]);
    const paper = await staff.post(votes, { optionKey: 'yes', channel: 'paper', residentId: o.spouse.id, flatId: second.flatId });
    expect(paper.statusCode, paper.body).toBe(200);
    expect((await partsOf(o.agent)).filter((p) => p.voted).map((p) => p.flatId)).toEqual([second.flatId]);
    const online = await o.agent.post(votes, { optionKey: 'no', flatId: o.household.flatId });
    expect(online.statusCode, online.body).toBe(200);
    expect(VoteTopicDto.parse(online.json())).toMatchObject({ abilities: { vote: false } });
    const after = VoteTopicDto.parse((await staff.get(`/api/consultations/${topic.id}`)).json());
    expect(after.owners).toMatchObject({ voted: { area: 180, owners: 1, flats: 2 } });
    const again = await staff.post(votes, { optionKey: 'no', channel: 'in_person', residentId: o.head.id, flatId: second.flatId });
    expect(again.statusCode).toBe(409);
    expect(await partsOf(staff, `?residentId=${owners[1]!.head.id}`)).toHaveLength(1);
    expect((await owners[1]!.agent.get(`/api/consultations/${topic.id}/parts?residentId=${o.head.id}`)).statusCode).toBe(403);
    const other = await person(ctx, 'community_staff', street.community.id);
    expect((await other.get(`/api/consultations/${topic.id}/parts?residentId=${o.head.id}`)).statusCode).toBe(404);
  });

  it("an owner cannot record a paper ballot (403); another community's staff do not see the vote (404)", async () => {
    const { owners, topic } = await compound([100, 100]);
    const o = owners[0]!;
    const res = await o.agent.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'yes', channel: 'paper', residentId: o.spouse.id });
    expect(res.statusCode).toBe(403);
    const other = await person(ctx, 'community_staff', street.community.id);
    expect(
      (await other.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'yes', channel: 'paper', residentId: o.head.id })).statusCode,
    ).toBe(404);
    const bad = await kit.en(o.agent, 'POST', `/api/consultations/${topic.id}/votes`, { optionKey: 'yes', flatId: 'x' });
    expect(issuesOf(bad).map((i) => i.path)).toEqual(['flatId']);
    expect(await kit.count('consultation_votes', 'consultation_id = $1', [topic.id])).toBe(0);
  });

  it('community_staff: registers an owner and the floor area from the console; the base follows (404 / 403 / 400)', async () => {
    const { T, staff, topic } = await compound([100]);
    const r = await residentHousehold(ctx, T.building);
    const res = await staff.put(`/api/consultations/owners/${r.spouse.id}`, { floorAreaM2: 75.456 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ flatId: r.household.flatId, floorAreaM2: 75.46, ownerHouseholdId: r.household.id });
    const now = VoteTopicDto.parse((await staff.get(`/api/consultations/${topic.id}`)).json());
    expect(now.owners?.total).toEqual({ area: 175.46, owners: 2, flats: 2 });
    expect((await r.agent.post(`/api/consultations/${topic.id}/votes`, { optionKey: 'yes' })).statusCode).toBe(200);
    expect(await kit.count('audit_log', `action = 'flat.ownership'`)).toBeGreaterThanOrEqual(1);
    const bad = await kit.en(staff, 'PUT', `/api/consultations/owners/${r.head.id}`, { floorAreaM2: 0 });
    expect(issuesOf(bad).map((i) => i.path)).toEqual(['floorAreaM2']);
    const other = await person(ctx, 'community_staff', street.community.id);
    expect((await other.put(`/api/consultations/owners/${r.head.id}`, { floorAreaM2: 80 })).statusCode).toBe(404);
    const worker = await kit.as('grid_worker', T.grid.id);
    expect((await worker.put(`/api/consultations/owners/${r.head.id}`, { floorAreaM2: 80 })).statusCode).toBe(403);
    const cleared = await staff.put(`/api/consultations/owners/${r.head.id}`, { floorAreaM2: 75.46, owner: false });
    expect(cleared.json()).toMatchObject({ ownerHouseholdId: null });
    expect(await kit.count('flat_owners', 'flat_id = $1', [r.household.flatId])).toBe(0);
  });
});
