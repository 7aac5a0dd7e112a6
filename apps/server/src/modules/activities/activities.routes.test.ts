import {
  ActivityDto,
  ActivityFiguresDto,
  ActivityListDto,
  LedgerDto,
  SignupDto,
  SignupListDto,
  addDays,
  localDate,
} from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, buildCommunityTree, useTestApp } from '../../testing/index.js';
import { issuesOf } from '../registry/test-kit.js';
import { activityKit } from './test-kit.js';

const ctx = useTestApp();
const kit = activityKit(ctx);

let A: Tree;
let B: Tree;
let staff: Agent;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await kit.as('community_staff', { areaId: A.community.id });
});

const act = (res: { statusCode: number; body: string; json: () => unknown }) => {
  expect(res.statusCode, res.body).toBe(200);
  return ActivityDto.parse(res.json());
};

describe('activities', () => {
  it('resident: can sign up for a full activity, waits, and is promoted when someone cancels', async () => {
    const a = await kit.publish(staff, A, { capacity: 1 });
    const [first, second] = [await kit.resident(A), await kit.resident(A)];
    expect(act(await first.post(`/api/activities/${a.id}/sign-up`)).mySignup?.status).toBe('confirmed');
    const waiting = act(await second.post(`/api/activities/${a.id}/sign-up`));
    expect(waiting).toMatchObject({ confirmed: 1, waitlisted: 1, mySignup: { status: 'waitlisted' }, checkinCode: null });
    const again = await kit.en(second, 'POST', `/api/activities/${a.id}/sign-up`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { message: 'You have already signed up for this activity' } });
    expect(act(await first.post(`/api/activities/${a.id}/cancel`, {})).mySignup).toBeNull();
    expect(act(await second.get(`/api/activities/${a.id}`))).toMatchObject({
      confirmed: 1,
      waitlisted: 0,
      mySignup: { status: 'confirmed' },
    });
  });

  it('resident: cannot push an activity over capacity with many sign-ups at once', async () => {
    const a = await kit.publish(staff, A, { capacity: 3 });
    const people = await Promise.all(Array.from({ length: 8 }, () => kit.resident(A)));
    const results = await Promise.all(people.map((p) => p.post(`/api/activities/${a.id}/sign-up`)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const statuses = results.map((r) => ActivityDto.parse(r.json()).mySignup!.status);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(3);
    const roster = SignupListDto.parse((await staff.get(`/api/activities/${a.id}/signups`)).json()).items;
    expect(roster.filter((s) => s.status === 'confirmed')).toHaveLength(3);
    expect(roster.filter((s) => s.status === 'waitlisted').map((s) => s.waitlistPosition)).toEqual([1, 2, 3, 4, 5]);
  });

  it('volunteer: can check in with the code on the organiser’s phone once, and gets the hours when it is held', async () => {
    const a = await kit.publish(staff, A);
    const vol = await kit.volunteer(A);
    await vol.post(`/api/activities/${a.id}/sign-up`);
    const wrong = await kit.en(vol, 'POST', `/api/activities/${a.id}/check-in`, { code: a.checkinCode === '000000' ? '111111' : '000000' });
    expect(issuesOf(wrong)).toEqual([{ path: 'code', message: 'The check-in code is wrong' }]);
    const ok = await vol.post(`/api/activities/${a.id}/check-in`, { code: a.checkinCode });
    expect(SignupDto.parse(ok.json()).checkedInAt).not.toBeNull();
    expect((await vol.post(`/api/activities/${a.id}/check-in`, { code: a.checkinCode })).statusCode).toBe(409);
    const held = act(await staff.post(`/api/activities/${a.id}/hold`, { peopleServed: 12 }));
    expect(held).toMatchObject({ status: 'held', peopleServed: 12 });
    const ledger = LedgerDto.parse((await vol.get('/api/volunteers/me/ledger')).json());
    expect(ledger).toMatchObject({ verifiedHours: 2, pendingHours: 0, stars: 0, nextThreshold: 100 });
    expect(ledger.items[0]).toMatchObject({ source: 'checkin', status: 'verified', hours: 2, organiser: '社区党委', activityId: a.id });
    // by default the 365 days up to today (China time); a calendar year still answers
    const fig = await staff.get(`/api/activities/figures?communityId=${A.community.id}`);
    expect(fig.statusCode, fig.body).toBe(200);
    const figures = ActivityFiguresDto.parse(fig.json());
    expect([figures.year, figures.to, figures.from]).toEqual([null, localDate(), addDays(localDate(), -364)]);
    expect(figures.byKind.find((k) => k.key === 'volunteer_service')).toMatchObject({ peopleServed: 12, hours: 2 });
    const year = Number(localDate(new Date(a.startsAt)).slice(0, 4));
    const ofYear = ActivityFiguresDto.parse((await staff.get(`/api/activities/figures?year=${year}&communityId=${A.community.id}`)).json());
    expect([ofYear.year, ofYear.from, ofYear.byMonth.length]).toEqual([year, `${year}-01-01`, 12]);
    expect(ofYear.byKind.find((k) => k.key === 'volunteer_service')).toMatchObject({ peopleServed: 12, hours: 2 });
  });

  it('community_staff: can check a confirmed person in by their sign-up, not one on the waitlist', async () => {
    const a = await kit.publish(staff, A, { capacity: 1 });
    const [one, two] = [await kit.resident(A), await kit.resident(A)];
    await one.post(`/api/activities/${a.id}/sign-up`);
    await two.post(`/api/activities/${a.id}/sign-up`);
    const [s1, s2] = SignupListDto.parse((await staff.get(`/api/activities/${a.id}/signups`)).json()).items;
    expect((await staff.post(`/api/activities/${a.id}/check-in`, { signupId: s1!.id })).statusCode).toBe(200);
    expect((await staff.post(`/api/activities/${a.id}/check-in`, { signupId: s2!.id })).statusCode).toBe(409);
    expect((await one.post(`/api/activities/${a.id}/check-in`, { signupId: s2!.id })).statusCode).toBe(403);
  });

  it('community_staff: cannot publish with the end before the start (400, nothing stored)', async () => {
    const now = Date.now();
    const res = await kit.en(staff, 'POST', '/api/activities', {
      communityId: A.community.id,
      kind: 'cultural',
      title: '广场舞',
      organiser: '文艺队',
      place: '广场',
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now - 1000).toISOString(),
      capacity: 10,
    });
    expect(issuesOf(res)).toEqual([{ path: 'endsAt', message: 'The end must come after the start' }]);
    const list = ActivityListDto.parse((await staff.get(`/api/activities?communityId=${A.community.id}&kind=cultural`)).json());
    expect(list.total).toBe(0);
    expect(issuesOf(await staff.post('/api/activities', { communityId: A.community.id })).map((i) => i.path)).toContain('title');
  });

  it('resident: cannot see or sign up for another community’s activity (404), nor publish one (403)', async () => {
    const a = await kit.publish(staff, A);
    const other = await kit.resident(B);
    expect((await other.get(`/api/activities/${a.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/activities/${a.id}/sign-up`)).statusCode).toBe(404);
    const staffB = await kit.as('community_staff', { areaId: B.community.id });
    expect((await staffB.get(`/api/activities/${a.id}/signups`)).statusCode).toBe(404);
    const { kind, title, organiser, place, startsAt, endsAt } = a;
    const res = await other.post('/api/activities', {
      kind,
      title,
      organiser,
      place,
      startsAt,
      endsAt,
      communityId: B.community.id,
      capacity: 3,
    });
    expect(res.statusCode).toBe(403);
  });

  it('community_staff: another community’s activity figures answer 404, its own 200', async () => {
    const staffB = await kit.as('community_staff', { areaId: B.community.id });
    expect((await staffB.get(`/api/activities/figures?communityId=${A.community.id}`)).statusCode).toBe(404);
    expect((await staffB.get(`/api/activities/figures?communityId=${B.community.id}`)).statusCode).toBe(200);
  });

  it('grid_worker: cannot read the activity figures (403)', async () => {
    const worker = await kit.as('grid_worker', { areaId: A.grid.id });
    expect((await worker.get('/api/activities/figures?year=2026')).statusCode).toBe(403);
  });

  it('community_staff: cannot ask for a year and dates at once, nor a start after the end (400)', async () => {
    const both = await kit.en(staff, 'GET', `/api/activities/figures?year=2026&to=2026-06-01`);
    expect(issuesOf(both)).toEqual([{ path: 'year', message: 'Ask for a year or for dates, not both' }]);
    const reversed = await kit.en(staff, 'GET', `/api/activities/figures?from=2026-06-02&to=2026-06-01`);
    expect(issuesOf(reversed).map((i) => i.path)).toEqual(['from']);
  });
});
