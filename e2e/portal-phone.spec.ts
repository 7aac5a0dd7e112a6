import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, signedIn, type Actor } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const WIDTH = 360;
const SMALL_PHONE = { ...PHONE, viewport: { width: WIDTH, height: 740 } };

let resident: Actor;
let orderId: string | undefined;

beforeAll(async () => {
  resident = await signedIn(baseUrl, 'resident', password, SMALL_PHONE);
  await resident.page.waitForURL(/\/portal$/);
  const list = await resident.page.evaluate(async () => {
    const res = await fetch('/api/orders?view=mine&pageSize=1');
    return (await res.json()) as { items: { id: string }[] };
  });
  orderId = list.items[0]?.id;
});
afterAll(async () => {
  await resident?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await resident?.page.screenshot({ path: shot('failed-portal-phone') }).catch(() => undefined);
});

const snap = (page: Page, name: string) => page.screenshot({ path: shot(`90-${name}`), fullPage: true, animations: 'disabled' });

/** What must hold on every portal page at 360 px: no sideways panning, a whole header of 44 px targets, a one-line logo. */
async function expectFits(page: Page, width = WIDTH) {
  await page.getByTestId('page-title').waitFor();
  // null when nothing pans sideways; otherwise the page width and the elements sticking out, to show what to fix
  const overflow = await page.evaluate((w) => {
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= w) return null;
    const wide = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > w + 0.5);
    return { scrollWidth, wide: wide.slice(0, 6).map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`) };
  }, width);
  expect(overflow).toBeNull();
  const lang = await page.getByTestId('lang-switch').boundingBox();
  expect(lang).not.toBeNull();
  expect(lang!.x).toBeGreaterThanOrEqual(0);
  expect(lang!.y).toBeGreaterThanOrEqual(0);
  expect(lang!.x + lang!.width).toBeLessThanOrEqual(width);
  const heights = await page.locator('.portal-header .ant-btn').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThanOrEqual(3);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
  const brand = page.getByTestId('brand');
  if ((await brand.count()) > 0) expect(await brand.evaluate((el) => el.getClientRects().length)).toBe(1);
}

/** How many lines each element's text takes. */
const lineCounts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
    }),
  );

/** Step names and the kinds of help each sit on one line (a word split across lines would give it two). */
async function expectWholeNames(page: Page) {
  expect(await lineCounts(page, '.portal-steps .ant-steps-item-title')).toEqual([1, 1, 1]);
  if ((await page.locator('.portal-tile-button').count()) > 0)
    expect(await lineCounts(page, '.portal-tile-button span:not(.anticon)')).toEqual([1, 1, 1, 1, 1, 1]);
}

async function setLargeText(page: Page, on: boolean) {
  const toggle = page.getByTestId('large-text-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(String(on));
}

describe.each([
  { mode: 'normal', large: false },
  { mode: 'large', large: true },
])('the resident portal on a 360 px phone, $mode text', ({ mode, large }) => {
  it('home fits, with the language button whole and the logo on one line', async () => {
    const { page } = resident;
    await page.goto(`${baseUrl}/portal`);
    await page.getByTestId('portal-place-order').waitFor();
    await setLargeText(page, large);
    await expectFits(page);
    await snap(page, `portal-home-${mode}`);
  });

  it('the three ordering steps fit, and the step names are never split', async () => {
    const { page } = resident;
    await page.goto(`${baseUrl}/portal/order/new`);
    await page.getByTestId('portal-category-property').waitFor();
    await expectFits(page);
    await expectWholeNames(page);
    await snap(page, `portal-order-1-category-${mode}`);

    await page.getByTestId('portal-category-property').click();
    const service = page.getByTestId('portal-service').filter({ hasText: '水电维修' });
    await service.waitFor();
    await expectFits(page);
    await service.click();

    const form = page.getByTestId('portal-describe-form');
    await form.waitFor();
    await expectFits(page);
    await expectWholeNames(page);
    const chips = await form.locator('.ant-radio-button-wrapper').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(chips.length).toBeGreaterThan(0);
    for (const h of chips) expect(h).toBeGreaterThanOrEqual(44);
    await page.getByTestId('portal-description').fill('楼道灯坏了，晚上看不见台阶（手机宽度检查）');
    await form.getByText('漏水/停水', { exact: true }).click();
    await snap(page, `portal-order-2-describe-${mode}`);

    await page.getByTestId('portal-next').click();
    await page.getByTestId('portal-confirm').waitFor();
    await expectFits(page);
    await expectWholeNames(page);
    await snap(page, `portal-order-3-confirm-${mode}`);
  });

  it('an order page fits', async () => {
    const { page } = resident;
    await page.goto(`${baseUrl}/portal/${orderId ? `orders/${orderId}` : 'orders'}`);
    if (orderId) await page.getByTestId('portal-order').waitFor();
    await expectFits(page);
    await snap(page, `portal-order-page-${mode}`);
  });

  it.each(['activities', 'volunteer', 'legal', 'duty'])('/portal/%s fits', async (path) => {
    const { page } = resident;
    await page.goto(`${baseUrl}/portal/${path}`);
    await page.waitForLoadState('networkidle');
    await expectFits(page);
    await snap(page, `portal-${path}-${mode}`);
  });
});

describe('the smallest phones (320 px), large text', () => {
  it('home and the first ordering step still fit', async () => {
    const { page } = resident;
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${baseUrl}/portal`);
    await page.getByTestId('portal-place-order').waitFor();
    await setLargeText(page, true);
    await expectFits(page, 320);
    await snap(page, 'portal-home-320-large');
    await page.goto(`${baseUrl}/portal/order/new`);
    await page.getByTestId('portal-category-property').waitFor();
    await expectFits(page, 320);
    await expectWholeNames(page);
    await snap(page, 'portal-order-1-category-320-large');
  });
});
