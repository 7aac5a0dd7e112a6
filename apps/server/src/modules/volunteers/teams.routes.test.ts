import { LedgerDto, PendingHoursListDto, TeamDto, VolunteerDto, VolunteerListDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, buildCommunityTree, buildHousehold, useTestApp } from '../../testing/index.js';
import { activityKit } from '../activities/test-kit.js';
import { issuesOf } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = activityKit(ctx);
const HOUR = 3600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

let A: Tree;
let B: Tree;
let staff: Agent;
let staffB: Agent;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await kit.as('community_staff', { areaId: A.community.id });
  staffB = await kit.as('community_staff', { areaId: B.community.id });
});

const volunteerIn = async (agent: Agent, tree: Tree) => {
  const h = await buildHousehold(ctx.t.db, tree.building);
  return VolunteerDto.parse((await agent.post('/api/volunteers', { residentId: h.members[0]!.id })).json());
};

describe('volunteer teams and rosters', () => {
  it('community_staff: creates a team, puts volunteers on it, names a leader and takes the leader off again', async () => {
    const res = await staff.post('/api/volunteer-teams', { communityId: A.community.id, kind: 'red_butler', name: '红管家二队' });
    expect(res.statusCode, res.body).toBe(201);
    const team = TeamDto.parse(res.json());
    expect(team).toMatchObject({ members: 0, leaderName: null, canEdit: true });
    const [a, b] = [await volunteerIn(staff, A), await volunteerIn(staff, A)];
    for (const v of [a, b])
      expect((await staff.post(`/api/volunteer-teams/${team.id}/members`, { volunteerId: v.id })).statusCode).toBe(200);
    const led = await staff.request({ method: 'PATCH', url: `/api/volunteer-teams/${team.id}`, payload: { leaderVolunteerId: a.id } });
    expect(TeamDto.parse(led.json())).toMatchObject({ members: 2, leaderVolunteerId: a.id, leaderName: a.name });
    const roster = VolunteerListDto.parse((await staff.get(`/api/volunteers?teamId=${team.id}`)).json());
    expect(roster.items.map((v) => v.id).sort()).toEqual([a.id, b.id].sort());
    const off = await staff.request({ method: 'DELETE', url: `/api/volunteer-teams/${team.id}/members/${a.id}` });
    expect(TeamDto.parse(off.json())).toMatchObject({ members: 1, leaderVolunteerId: null });
    const again = await staff.request({ method: 'DELETE', url: `/api/volunteer-teams/${team.id}/members/${a.id}` });
    expect(again.statusCode).toBe(404);
  });

  it('community_staff: a leader off the roster, a volunteer of another community or a taken name is refused', async () => {
    const team = TeamDto.parse(
      (await staff.post('/api/volunteer-teams', { communityId: A.community.id, kind: 'art_culture', name: '合唱团' })).json(),
    );
    const outsider = await volunteerIn(staff, A);
    const lead = await staff.request({
      method: 'PATCH',
      url: `/api/volunteer-teams/${team.id}`,
      payload: { leaderVolunteerId: outsider.id },
      headers: { 'x-linli-locale': 'en' },
    });
    expect(issuesOf(lead)).toEqual([{ path: 'leaderVolunteerId', message: 'The leader must be a volunteer of the team' }]);
    const elsewhere = await volunteerIn(staffB, B);
    const add = await kit.en(staff, 'POST', `/api/volunteer-teams/${team.id}/members`, { volunteerId: elsewhere.id });
    expect(issuesOf(add)).toEqual([{ path: 'volunteerId', message: 'Only volunteers of the team’s community can join it' }]);
    const blank = await staff.post('/api/volunteer-teams', { communityId: A.community.id, kind: 'other', name: ' ' });
    expect(issuesOf(blank)[0]?.path).toBe('name');
    const twice = await staff.post('/api/volunteer-teams', { communityId: A.community.id, kind: 'other', name: '合唱团' });
    expect(twice.statusCode).toBe(409);
  });

  it("community_staff: another community's team answers 404; an evaluator who only reads gets 403", async () => {
    const teamB = TeamDto.parse(
      (await staffB.post('/api/volunteer-teams', { communityId: B.community.id, kind: 'other', name: '巡逻队' })).json(),
    );
    expect((await staff.request({ method: 'PATCH', url: `/api/volunteer-teams/${teamB.id}`, payload: { name: 'x' } })).statusCode).toBe(
      404,
    );
    expect((await staff.post('/api/volunteer-teams', { communityId: B.community.id, kind: 'other', name: 'x' })).statusCode).toBe(404);
    const evaluator = await kit.as('evaluator', { areaId: A.street.id });
    expect((await evaluator.request({ method: 'PATCH', url: `/api/volunteer-teams/${teamB.id}`, payload: { name: 'x' } })).statusCode).toBe(
      403,
    );
    const teams = (await evaluator.get('/api/volunteer-teams')).json() as { items: TeamDto[] };
    expect(teams.items.find((t) => t.id === teamB.id)?.canEdit).toBe(false);
  });
});

describe('checking self-reported hours', () => {
  it('community_staff: sees pending hours of their community only, rejects with a reason the volunteer sees, or verifies', async () => {
    const vol = await kit.volunteer(A);
    const volB = await kit.volunteer(B);
    const a = await vol.post('/api/volunteer-hours', { startsAt: ago(9), endsAt: ago(8), content: '陪老人散步' });
    const b = await vol.post('/api/volunteer-hours', { startsAt: ago(7), endsAt: ago(5), content: '打扫楼道' });
    await volB.post('/api/volunteer-hours', { startsAt: ago(7), endsAt: ago(5), content: '别的社区' });
    const pending = PendingHoursListDto.parse((await staff.get('/api/volunteer-hours/pending')).json());
    expect(pending.items.map((i) => i.content).sort()).toEqual(['打扫楼道', '陪老人散步']);
    const [ha, hb] = [a.json() as { id: string }, b.json() as { id: string }];
    const noReason = await kit.en(staff, 'POST', `/api/volunteer-hours/${ha.id}/verify`, { approve: false });
    expect(issuesOf(noReason)).toEqual([{ path: 'reason', message: 'Give the reason for rejecting' }]);
    expect((await staff.post(`/api/volunteer-hours/${ha.id}/verify`, { approve: false, reason: '当天无此活动' })).statusCode).toBe(200);
    expect((await staff.post(`/api/volunteer-hours/${hb.id}/verify`, { approve: true })).statusCode).toBe(200);
    const ledger = LedgerDto.parse((await vol.get('/api/volunteers/me/ledger')).json());
    expect(ledger).toMatchObject({ verifiedHours: 2, pendingHours: 0 });
    expect(ledger.items.find((i) => i.id === ha.id)).toMatchObject({ status: 'rejected', decisionNote: '当天无此活动' });
    expect(PendingHoursListDto.parse((await staff.get('/api/volunteer-hours/pending')).json()).items).toEqual([]);
    const hbB = PendingHoursListDto.parse((await staffB.get('/api/volunteer-hours/pending')).json()).items[0]!;
    expect((await staff.post(`/api/volunteer-hours/${hbB.id}/verify`, { approve: true })).statusCode).toBe(404);
  });

  it('volunteer: cannot list pending hours (403)', async () => {
    const vol = await kit.volunteer(A);
    expect((await vol.get('/api/volunteer-hours/pending')).statusCode).toBe(403);
  });
});
