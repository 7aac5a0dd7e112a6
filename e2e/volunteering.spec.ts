import { ActivityDto, ActivityFiguresDto, LedgerDto, TeamListDto } from '@linli/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { answered, DESKTOP, PHONE, signedIn, type Actor, storyActors } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const TITLE = `楼道清扫志愿服务（e2e ${stamp}）`;
const HOUR = 3600_000;

const actors = storyActors('volunteering');
let staff: Actor;
let volunteer: Actor;
let resident: Actor;
let activity: ActivityDto;

async function as(username: string, device: typeof PHONE | typeof DESKTOP = PHONE): Promise<Actor> {
  const actor = await signedIn(baseUrl, username, password, device);
  actors.push(actor);
  return actor;
}

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const snap = (page: Page, name: string, fullPage = false) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });
const card = (page: Page) => page.getByTestId('activity-card').filter({ hasText: TITLE });
const myStatus = (page: Page) => card(page).getByTestId('my-signup').getAttribute('data-status');

/** A JSON request from inside the signed-in page (cookie and CSRF token as the app sends them). */
async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    { method, path, body },
  );
}

async function openActivities(page: Page) {
  await page.goto(`${baseUrl}/portal/activities`);
  await card(page).waitFor();
}

describe('an activity: a full one with a waitlist, check-in on the organiser’s phone, hours and the certificate', () => {
  it('the community staff publish an activity with one place (it ran this morning)', async () => {
    staff = await as('lvyang-staff');
    const me = await call<{ scopes: { areaId: string | null }[] }>(staff.page, 'GET', '/api/me');
    const communityId = me.scopes[0]!.areaId!;
    const now = Date.now();
    activity = ActivityDto.parse(
      await call(staff.page, 'POST', '/api/activities', {
        communityId,
        kind: 'volunteer_service',
        title: TITLE,
        organiser: '绿扬新苑社区党总支',
        place: '3号楼楼道',
        startsAt: new Date(now - 3 * HOUR).toISOString(),
        endsAt: new Date(now - HOUR).toISOString(),
        capacity: 1,
      }),
    );
    expect(activity.checkinCode).toMatch(/^\d{6}$/);
  });

  it('the Red Butler volunteer takes the only place from their phone', async () => {
    volunteer = await as('volunteer');
    const { page } = volunteer;
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('portal-activities').click();
    await card(page).waitFor();
    await answered(page, 'POST', `/api/activities/${activity.id}/sign-up`, () => card(page).getByTestId('activity-sign-up').click());
    await poll(() => myStatus(page)).toBe('confirmed');
  });

  it('a resident registers as a volunteer and signs up for the full activity: on the waitlist', async () => {
    resident = await as('resident');
    const { page } = resident;
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('portal-volunteer').click();
    const form = page.getByTestId('volunteer-register-form');
    const ledger = page.getByTestId('ledger-hours');
    await Promise.race([form.waitFor(), ledger.waitFor()]);
    if (await form.isVisible()) {
      await snap(page, '70-volunteer-register-phone', true);
      await answered(page, 'POST', '/api/volunteers', () => page.getByTestId('volunteer-register').click());
    }
    await ledger.waitFor();
    await openActivities(page);
    await answered(page, 'POST', `/api/activities/${activity.id}/sign-up`, () => card(page).getByTestId('activity-sign-up').click());
    await poll(() => myStatus(page)).toBe('waitlisted');
    expect(await card(page).getByTestId('activity-places').innerText()).toContain('1/1');
    await snap(page, '71-activity-waitlisted-phone', true);
  });

  it('the volunteer cancels and the resident moves up from the waitlist by themselves', async () => {
    const { page } = volunteer;
    await answered(page, 'POST', `/api/activities/${activity.id}/cancel`, () => card(page).getByTestId('activity-cancel').click());
    await card(page).getByTestId('activity-sign-up').waitFor();
    await openActivities(resident.page);
    await poll(() => myStatus(resident.page)).toBe('confirmed');
    await snap(resident.page, '72-activity-promoted-phone', true);
  });

  it('the organiser shows the code on their phone and checks the resident in from the roster', async () => {
    const { page } = staff;
    await page.goto(`${baseUrl}/volunteering/activities/${activity.id}`);
    expect(await page.getByTestId('checkin-code-display').innerText()).toBe(activity.checkinCode);
    const row = page.getByTestId('roster-row').filter({ has: page.getByTestId('roster-check-in') });
    await row.waitFor();
    await snap(page, '73-organiser-phone-code-roster', true);
    await answered(page, 'POST', `/api/activities/${activity.id}/check-in`, () => row.getByTestId('roster-check-in').click());
    await page.getByTestId('roster-check-out').waitFor();
    await page.getByTestId('hold-served').locator('input').fill('9');
    await answered(page, 'POST', `/api/activities/${activity.id}/hold`, () => page.getByTestId('hold-submit').click());
    await page.getByTestId('hold-submit').waitFor({ state: 'detached' });
    await snap(page, '74-organiser-phone-held', true);
  });

  it('the two hours appear in the resident’s ledger, and the certificate prints', async () => {
    const { page } = resident;
    await page.goto(`${baseUrl}/portal/volunteer`);
    await page.getByTestId('ledger-records').getByText(TITLE).waitFor();
    const ledger = LedgerDto.parse(await call(page, 'GET', '/api/volunteers/me/ledger'));
    expect(ledger.items.find((h) => h.activityId === activity.id)).toMatchObject({ hours: 2, source: 'checkin', status: 'verified' });
    await snap(page, '75-volunteer-ledger-phone', true);

    await page.getByTestId('open-certificate').click();
    const cert = page.getByTestId('certificate');
    await cert.getByText(TITLE).waitFor();
    expect(await cert.innerText()).toContain(`${ledger.verifiedHours}`);
    await page.emulateMedia({ media: 'print' });
    await poll(() => page.getByTestId('certificate-print').isVisible()).toBe(false);
    expect(await page.getByTestId('portal-back').isVisible()).toBe(false);
    await snap(page, '76-volunteer-certificate-print', true);
    await page.pdf({ path: shot('76-volunteer-certificate').replace(/\.png$/, '.pdf'), format: 'A4' });
  });

  it('the street reads Anping’s last 12 months in charts: 193 public-service activities serving 1,330 people, 27 literary and artistic', async () => {
    const { page } = await as('street', DESKTOP);
    const teams = TeamListDto.parse(await call(page, 'GET', '/api/volunteer-teams'));
    const anping = teams.items.find((t) => t.name === '安平社区党员志愿服务队')!;
    // the demo was seeded by this run's server today: its year of activities is the 365 days up to today
    const loaded = page.waitForResponse((r) => r.url().includes('/api/activities/figures?') && r.ok());
    await page.goto(`${baseUrl}/volunteering/figures?communityId=${anping.communityId}`);
    const figures = ActivityFiguresDto.parse(await (await loaded).json());
    expect(figures.year).toBeNull();
    expect(figures.byKind.find((k) => k.key === 'volunteer_service')).toMatchObject({ activities: 193, peopleServed: 1330 });
    expect(figures.byKind.find((k) => k.key === 'cultural')).toMatchObject({ activities: 27 });
    const totals = page.getByTestId('fig-totals');
    await poll(() => totals.innerText()).toContain('220');
    expect(await page.getByTestId('fig-range').innerText()).toContain(`${figures.from} 至 ${figures.to}`);
    expect(await page.getByTestId('fig-period').locator('.ant-segmented-item-selected').innerText()).toBe('近12个月');
    expect(await page.getByTestId('fig-year').locator('input').inputValue()).toBe('');
    await page.getByTestId('chart-by-month').locator('canvas').waitFor();
    await snap(page, '77-volunteering-figures', true);
    // the year picker still reads a calendar year
    const lastYear = new Date().getFullYear() - 1;
    const ofYear = page.waitForResponse((r) => r.url().includes(`/api/activities/figures?year=${lastYear}`) && r.ok());
    await page.getByTestId('fig-period').getByText('按年度', { exact: true }).click();
    expect(ActivityFiguresDto.parse(await (await ofYear).json()).year).toBe(lastYear);
    await poll(() => page.getByTestId('fig-range').innerText()).toContain(`${lastYear}-01-01 至 ${lastYear}-12-31`);
    expect(await page.getByTestId('fig-year').locator('input').inputValue()).toBe(String(lastYear));
    await page.goto(`${baseUrl}/volunteering/volunteers?communityId=${anping.communityId}`);
    await page.getByTestId('teams-table').getByText('安平社区党员志愿服务队').waitFor();
    await page.getByTestId('volunteers-table').locator('.ant-rate').first().waitFor();
    await snap(page, '78-volunteers-teams', true);
  });
});
