import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AxeFinding, seriousViolations } from './axe.js';
import { SCREENSHOTS, openBrowser, shot } from './browser.js';
import { DESKTOP, PHONE } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');

type Browser = Awaited<ReturnType<typeof openBrowser>>;
const browsers: Browser[] = [];
/** Everything axe found, page by page, saved beside the screenshots to read when a check fails. */
const findings: Record<string, AxeFinding[]> = {};
afterAll(async () => {
  for (const b of browsers) await b.close();
  fs.writeFileSync(`${SCREENSHOTS}/a11y-findings.json`, JSON.stringify(findings, null, 2));
});

/** A browser of the user's own; axe is injected as an inline script, which the app's CSP would refuse. */
async function pageOf(username: string | null, device = DESKTOP): Promise<Page> {
  const browser = await openBrowser(device.viewport, { ...device.options, bypassCSP: true });
  browsers.push(browser);
  const page = await browser.context.newPage();
  if (username === null) return page;
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

let shotNo = 210;
/** Waits for the page's data (no spinner nor skeleton left), saves a screenshot numbered in order, runs axe. */
async function check(page: Page, name: string) {
  await page.waitForLoadState('load');
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 20_000 }).toBe(0);
  // antd's entry animations: contrast is measured on the final colours
  await page.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: shot(`${shotNo++}-a11y-${name}`), animations: 'disabled' });
  const found = await seriousViolations(page);
  if (found.length) findings[name] = found;
  return found;
}

const getJson = <T>(page: Page, url: string) => page.evaluate(async (u) => (await (await fetch(u)).json()) as unknown, url) as Promise<T>;
type Items = { items: { id: string; code?: string }[] };

/** A page to check: where it is (or how to find it) and what shows once it is there (default: its title). */
type Target = { path: string | ((page: Page) => Promise<string>); then?: (page: Page) => Promise<void>; ready?: string };

function checksFor(username: string, targets: Record<string, Target>, device = DESKTOP) {
  let page: Page;
  beforeAll(async () => {
    page = await pageOf(username, device);
  });
  it.each(Object.keys(targets))('%s', async (name) => {
    const { path, then, ready = 'page-title' } = targets[name]!;
    await page.goto(`${baseUrl}${typeof path === 'string' ? path : await path(page)}`);
    if (then) {
      await page.getByTestId('page-title').first().waitFor();
      await then(page);
    }
    await page.getByTestId(ready).first().waitFor();
    expect(await check(page, name)).toEqual([]);
  });
}

const areaId = (code: string) => async (page: Page) =>
  (await getJson<Items>(page, `/api/areas?q=${code}`)).items.find((a) => a.code === code)!.id;

describe('axe-core: no serious or critical violation (WCAG 2 A/AA)', () => {
  it('anyone: the sign-in page', async () => {
    const page = await pageOf(null);
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-submit').waitFor();
    expect(await check(page, 'sign-in')).toEqual([]);
  });

  describe('street supervisor', () => {
    checksFor('street', {
      desk: { path: '/orders/desk' },
      orders: { path: '/orders' },
      overview: { path: '/' },
      catalogue: { path: '/catalogue' },
      dashboard: { path: '/dashboard' },
      'work-report': { path: '/reports/work', ready: 'work-report' },
      users: { path: '/users' },
      audit: { path: '/audit' },
      projects: { path: '/projects' },
    });
  });

  describe('community admin', () => {
    checksFor('lvyang-staff', {
      registry: { path: '/registry' },
      'household-card': {
        path: '/registry',
        then: (page) => page.getByTestId('registry-table').locator('tbody a').first().click(),
        ready: 'household-card',
      },
      'building-map': { path: async (p) => `/map/buildings/${await areaId('321003001002-01-001')(p)}`, ready: 'map-grid' },
      'site-overview': { path: async (p) => `/map/areas/${await areaId('321003001002')(p)}`, ready: 'site-map' },
      'party-tree': { path: '/party' },
      volunteers: { path: '/volunteering/volunteers' },
      activities: { path: '/volunteering' },
      meetings: { path: '/meetings' },
      mediation: { path: '/mediation' },
      consultations: { path: '/consultations' },
      programmes: { path: '/programmes' },
      imports: { path: '/registry/import' },
    });
  });

  describe('resident, on a phone', () => {
    checksFor(
      'resident',
      {
        'portal-home': { path: '/portal' },
        'portal-orders': { path: '/portal/orders' },
        'portal-order': {
          path: async (page) => `/portal/orders/${(await getJson<Items>(page, '/api/orders?view=mine&pageSize=1')).items[0]!.id}`,
          ready: 'portal-order',
        },
        'portal-activities': { path: '/portal/activities' },
        'portal-volunteer': { path: '/portal/volunteer' },
        'portal-legal': { path: '/portal/legal' },
        'portal-duty': { path: '/portal/duty' },
        'portal-votes': { path: '/portal/votes' },
        'portal-surveys': { path: '/portal/surveys' },
        'portal-new-order': { path: '/portal/order/new', ready: 'portal-category-property' },
      },
      PHONE,
    );
  });

  it('resident: the ordering steps, in normal and large text', async () => {
    const page = await pageOf('resident', PHONE);
    await page.goto(`${baseUrl}/portal/order/new`);
    await page.getByTestId('portal-category-property').click();
    const service = page.getByTestId('portal-service').filter({ hasText: '水电维修' });
    await service.waitFor();
    expect(await check(page, 'portal-order-service')).toEqual([]);
    await service.click();
    const form = page.getByTestId('portal-describe-form');
    await form.waitFor();
    expect(await check(page, 'portal-order-describe')).toEqual([]);
    await page.getByTestId('portal-description').fill('楼道灯坏了，晚上看不见台阶（无障碍检查）');
    await form.getByText('漏水/停水', { exact: true }).click();
    await page.getByTestId('portal-next').click();
    await page.getByTestId('portal-confirm').waitFor();
    expect(await check(page, 'portal-order-confirm')).toEqual([]);
    await page.getByTestId('large-text-toggle').click();
    await expect.poll(() => page.getByTestId('large-text-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await check(page, 'portal-order-confirm-large')).toEqual([]);
    await page.getByTestId('large-text-toggle').click();
  });
});
