import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, signedIn, type Actor } from './orders-actors.js';
import { RESIDENT_STATUS_WORDS } from '../apps/web/src/features/portal/resident-words.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const SMALL_PHONE = { ...PHONE, viewport: { width: 360, height: 740 } };
/** What the staff timeline shows and a resident should not read: the machine as actor, arrows between status codes, the closing outcome in office terms. */
const JARGON = ['系统', '→', 'System', '结案', '非职责范围', '重复工单', 'Outcome:'];

type Mine = { items: { id: string; status: keyof typeof RESIDENT_STATUS_WORDS }[] };
let resident: Actor;
let mine: Mine['items'] = [];

beforeAll(async () => {
  resident = await signedIn(baseUrl, 'resident', password, SMALL_PHONE);
  await resident.page.waitForURL(/\/portal$/);
  mine = await resident.page.evaluate(async () => {
    const res = await fetch('/api/orders?view=mine&pageSize=50');
    return ((await res.json()) as Mine).items;
  });
});
afterAll(async () => {
  await resident?.close();
});

const snap = (page: Page, name: string) => page.screenshot({ path: shot(name), fullPage: true, animations: 'disabled' });

async function setLocale(page: Page, en: boolean) {
  const isEn = async () => (await page.locator('html').getAttribute('lang'))?.startsWith('en') ?? false;
  if ((await isEn()) !== en) await page.getByTestId('lang-switch').click();
  await expect.poll(isEn).toBe(en);
}

describe('the resident reads plain words on a 360 px phone', () => {
  it('the list says each status in the resident words', async () => {
    const { page } = resident;
    expect(mine.length).toBeGreaterThan(0);
    await page.goto(`${baseUrl}/portal/orders`);
    const cards = page.getByTestId('portal-order-card');
    await cards.first().waitFor();
    const shown = await cards
      .getByTestId('order-status')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('data-status'), el.textContent]));
    expect(shown.length).toBeGreaterThan(0);
    for (const [status, text] of shown) expect(text).toBe(RESIDENT_STATUS_WORDS[status as keyof typeof RESIDENT_STATUS_WORDS]['zh-CN']);
    await snap(page, '196-portal-words-list-phone');
  });

  it('the order page and its timeline say who did what, with no office terms', async () => {
    const { page } = resident;
    const order = mine.find((o) => o.status === 'closed') ?? mine.find((o) => o.status !== 'placed') ?? mine[0]!;
    await page.goto(`${baseUrl}/portal/orders/${order.id}`);
    const card = page.getByTestId('portal-order');
    await card.waitFor();
    expect(await card.getByTestId('order-status').innerText()).toBe(RESIDENT_STATUS_WORDS[order.status]['zh-CN']);
    await page.getByTestId('timeline-entry').first().waitFor();
    const timeline = await page.getByTestId('order-timeline').innerText();
    expect(timeline).toContain('您');
    for (const word of JARGON) expect(timeline).not.toContain(word);
    await snap(page, '197-portal-words-order-phone');

    await setLocale(page, true);
    await poll(() => card.getByTestId('order-status').innerText(), RESIDENT_STATUS_WORDS[order.status].en);
    const timelineEn = await page.getByTestId('order-timeline').innerText();
    expect(timelineEn).toContain('You');
    for (const word of JARGON) expect(timelineEn).not.toContain(word);
    await snap(page, '198-portal-words-order-phone-en');
    await setLocale(page, false);
  });

  it('an order still being worked on says so in plain words', async () => {
    const { page } = resident;
    const order = mine.find((o) => o.status !== 'closed' && o.status !== 'withdrawn');
    expect(order).toBeDefined();
    await page.goto(`${baseUrl}/portal/orders/${order!.id}`);
    const card = page.getByTestId('portal-order');
    await card.waitFor();
    expect(await card.getByTestId('order-status').innerText()).toBe(RESIDENT_STATUS_WORDS[order!.status]['zh-CN']);
    await page.getByTestId('timeline-entry').first().waitFor();
    for (const word of JARGON) expect(await page.getByTestId('order-timeline').innerText()).not.toContain(word);
    await snap(page, '199-portal-words-open-order-phone');
  });
});

function poll(read: () => Promise<string>, want: string) {
  return expect.poll(read).toBe(want);
}
