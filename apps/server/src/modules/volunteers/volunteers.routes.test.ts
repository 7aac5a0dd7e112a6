import { HoursDto, LedgerDto, TeamListDto, VolunteerDto, VolunteerListDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { volunteerTeams } from '../../db/schema/index.js';
import { type Agent, type Tree, buildCommunityTree, buildHousehold, useTestApp } from '../../testing/index.js';
import { activityKit } from '../activities/test-kit.js';
import { MASKED_PHONE, expectNoPlainPii, issuesOf } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = activityKit(ctx);
const HOUR = 3600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

let A: Tree;
let B: Tree;
let staff: Agent;
let teamId: string;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await kit.as('community_staff', { areaId: A.community.id });
  const { community: c } = A;
  const [team] = await ctx.t.db
    .insert(volunteerTeams)
    .values({ kind: 'red_butler', name: '红管家', communityId: c.id, streetId: c.streetId!, districtId: c.districtId! })
    .returning();
  teamId = team!.id;
});

describe('volunteers', () => {
  it('community_staff: can register a resident with skills only with consent, and the phone comes back masked', async () => {
    const h = await buildHousehold(ctx.t.db, A.building);
    const residentId = h.members[0]!.id;
    const noConsent = await kit.en(staff, 'POST', '/api/volunteers', { residentId, skills: ['理发'] });
    expect(issuesOf(noConsent)).toEqual([{ path: 'consentExtra', message: 'Skills, availability and phone need the person’s consent' }]);
    const res = await staff.post('/api/volunteers', { residentId, skills: ['理发'], consentExtra: true, phone: '13812345678', teamId });
    expect(res.statusCode, res.body).toBe(201);
    const v = VolunteerDto.parse(res.json());
    expect(v).toMatchObject({
      skills: ['理发'],
      teamName: '红管家',
      registeredBy: 'staff',
      hours: 0,
      stars: 0,
      abilities: ['edit', 'record_hours'],
    });
    expect(v.phone).toMatch(MASKED_PHONE);
    expect((await staff.post('/api/volunteers', { residentId })).statusCode).toBe(409);
    const list = await staff.get(`/api/volunteers?teamId=${teamId}`);
    expectNoPlainPii(list.body, ['13812345678']);
    expect(VolunteerListDto.parse(list.json()).total).toBe(1);
    const teams = TeamListDto.parse((await staff.get('/api/volunteer-teams')).json());
    expect(teams.items).toEqual([expect.objectContaining({ name: '红管家', kind: 'red_butler', members: 1 })]);
  });

  it('volunteer: can report their own hours, which count once staff verify them; overlaps and times outside the activity are refused', async () => {
    const vol = await kit.volunteer(A);
    const own = await vol.post('/api/volunteer-hours', { startsAt: ago(5), endsAt: ago(3), content: '陪老人就医', peopleServed: 1 });
    expect(own.statusCode, own.body).toBe(201);
    const h = HoursDto.parse(own.json());
    expect(h).toMatchObject({ source: 'self', status: 'pending', hours: 2 });
    const overlap = await kit.en(vol, 'POST', '/api/volunteer-hours', { startsAt: ago(4), endsAt: ago(2), content: '重复' });
    expect(issuesOf(overlap)).toEqual([{ path: 'startsAt', message: 'Overlaps a service record already kept' }]);
    const a = await kit.publish(staff, A);
    const outside = await kit.en(vol, 'POST', '/api/volunteer-hours', {
      activityId: a.id,
      startsAt: ago(1.5),
      endsAt: ago(0.5),
      content: '晚到',
    });
    expect(issuesOf(outside)).toEqual([{ path: 'startsAt', message: 'The time must lie within the activity’s time' }]);
    const future = await kit.en(vol, 'POST', '/api/volunteer-hours', { startsAt: ago(-1), endsAt: ago(-2), content: 'x' });
    expect(issuesOf(future)).toEqual([{ path: 'endsAt', message: 'Hours cannot be recorded for the future' }]);
    expect((await vol.post(`/api/volunteer-hours/${h.id}/verify`, { approve: true })).statusCode).toBe(403);
    expect(LedgerDto.parse((await vol.get('/api/volunteers/me/ledger')).json())).toMatchObject({ verifiedHours: 0, pendingHours: 2 });
    expect((await staff.post(`/api/volunteer-hours/${h.id}/verify`, { approve: true })).statusCode).toBe(200);
    expect((await staff.post(`/api/volunteer-hours/${h.id}/verify`, { approve: false })).statusCode).toBe(409);
    expect(LedgerDto.parse((await vol.get('/api/volunteers/me/ledger')).json())).toMatchObject({ verifiedHours: 2, pendingHours: 0 });
  });

  it('community_admin: can set the star thresholds; a volunteer’s stars follow them', async () => {
    const admin = await kit.as('community_admin', { areaId: A.community.id });
    const down = await kit.en(admin, 'PUT', '/api/volunteer-stars', { communityId: A.community.id, thresholds: [5, 3] });
    expect(issuesOf(down)).toEqual([{ path: 'thresholds', message: 'Each star threshold must be higher than the one before' }]);
    expect(
      (await admin.request({ method: 'PUT', url: '/api/volunteer-stars', payload: { communityId: A.community.id, thresholds: [1, 3, 6] } }))
        .statusCode,
    ).toBe(200);
    const h = await buildHousehold(ctx.t.db, A.building);
    const v = VolunteerDto.parse((await staff.post('/api/volunteers', { residentId: h.members[0]!.id })).json());
    const rec = await staff.post('/api/volunteer-hours', { volunteerId: v.id, startsAt: ago(30), endsAt: ago(26), content: '整理图书室' });
    expect(HoursDto.parse(rec.json())).toMatchObject({ source: 'organiser', status: 'verified', hours: 4 });
    const ledger = LedgerDto.parse((await staff.get(`/api/volunteers/${v.id}/ledger`)).json());
    expect(ledger).toMatchObject({ verifiedHours: 4, stars: 2, thresholds: [1, 3, 6], nextThreshold: 6 });
  });

  it("community_staff: cannot read or register another community's volunteers (404)", async () => {
    const h = await buildHousehold(ctx.t.db, B.building);
    const staffB = await kit.as('community_staff', { areaId: B.community.id });
    const v = VolunteerDto.parse((await staffB.post('/api/volunteers', { residentId: h.members[0]!.id })).json());
    expect((await staff.get(`/api/volunteers/${v.id}/ledger`)).statusCode).toBe(404);
    const other = await buildHousehold(ctx.t.db, B.building);
    expect((await staff.post('/api/volunteers', { residentId: other.members[0]!.id })).statusCode).toBe(404);
    expect(
      (await staff.post('/api/volunteer-hours', { volunteerId: v.id, startsAt: ago(3), endsAt: ago(2), content: 'x' })).statusCode,
    ).toBe(404);
  });

  it('resident: can register themselves but cannot list volunteers (403)', async () => {
    const resident = await kit.resident(A);
    const res = await resident.post('/api/volunteers', { availability: '周末', consentExtra: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(VolunteerDto.parse(res.json())).toMatchObject({
      registeredBy: 'self',
      availability: '周末',
      communityId: A.community.id,
      abilities: [],
    });
    expect((await resident.get('/api/volunteers')).statusCode).toBe(403);
  });
});
