import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openBrowser, shot } from './browser.js';
import { DESKTOP, PHONE, answered, settled, signedIn, storyActors, type Actor } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const WIDTH = 360;
const SMALL_PHONE = { ...PHONE, viewport: { width: WIDTH, height: 740 } };

const actors = storyActors('field');
const PROPERTY = '绿扬物业';
let street: Actor;
let dispatchedNo = '';
let fieldShots = 0;
async function as(username: string): Promise<Actor> {
  const actor = await signedIn(baseUrl, username, password, SMALL_PHONE);
  actors.push(actor);
  return actor;
}

const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });
// what the phone shows (the lists run long; the overflow checks cover the whole document)
const snap = (page: Page, name: string) => page.screenshot({ path: shot(name), animations: 'disabled' });

/** Nothing pans sideways: the document is exactly as wide as the phone (else name what sticks out). */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate((w) => {
    const width = document.documentElement.scrollWidth;
    if (width <= w) return null;
    const wide = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > w + 0.5);
    return { width, wide: wide.slice(0, 6).map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`) };
  }, WIDTH);
  expect(overflow).toBeNull();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(WIDTH);
}

/** GET from the page's own session, parsed. */
const getJson = <T>(page: Page, url: string) =>
  page.evaluate(async (u) => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`${u} answered ${res.status}`);
    return (await res.json()) as unknown;
  }, url) as Promise<T>;

type OverdueItems = { items: { household: { id: string; tags: string[] }; lastVisitOn: string | null }[] };
type Household = { members: { id: string; phone: string | null; abilities: { canRevealPhone: boolean } }[] };
type Listed = { items: { id: string; orderNo: string; status: string; place: string; abilities: { events: string[] } }[]; total: number };

describe('in the field, on a 360 px phone', () => {
  it("grid worker: today's page puts never-visited households first, 独居老人 among them, and shows a phone with a reason", async () => {
    const { page } = await as('lvyang-grid');
    await page.goto(`${baseUrl}/today`);
    const cards = page.getByTestId('visit-due');
    await cards.first().waitFor();
    expect(await cards.first().getAttribute('data-due')).toBe('never');
    const dues = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-due')));
    const firstVisited = dues.findIndex((d) => d !== 'never');
    const firstAlone = await cards.evaluateAll((els) => els.findIndex((el) => el.textContent?.includes('独居老人')));
    expect(firstAlone).toBeGreaterThanOrEqual(0);
    expect(firstVisited === -1 || firstAlone < firstVisited).toBe(true);
    await page.getByTestId('today-orders').getByTestId('order-card').first().waitFor();
    await expectNoOverflow(page);
    await snap(page, '150-field-today-grid-worker');

    // a never-visited household of the list with a phone on record
    const list = await getJson<OverdueItems>(page, '/api/visits/overdue?dueWithinDays=1&pageSize=20');
    let target: { householdId: string; residentId: string } | null = null;
    for (const i of list.items.filter((x) => x.lastVisitOn === null)) {
      const h = await getJson<Household>(page, `/api/households/${i.household.id}`);
      const m = h.members.find((x) => x.phone && x.abilities.canRevealPhone);
      if (m) {
        target = { householdId: i.household.id, residentId: m.id };
        break;
      }
    }
    expect(target).not.toBeNull();
    await page.locator(`[data-testid="visit-due"][data-household="${target!.householdId}"]`).getByTestId('visit-phone').click();
    const modal = page.getByTestId('phone-reveal');
    await page.getByTestId('reveal-reason').waitFor();
    await settled(modal.locator('.ant-modal'));
    await page.getByTestId('reveal-reason').fill('走访前先电话联系老人');
    await answered(page, 'POST', `/api/residents/${target!.residentId}/reveal`, () => page.getByTestId('reveal-submit').click());
    await poll(() => page.getByTestId('revealed-phone').textContent()).toMatch(/1\d{10}/);
    await expectNoOverflow(page);
    await snap(page, '151-field-today-phone-revealed');
  });

  it("street: the dispatch dialog starts with the catalogue's default handler chosen; the order goes to 绿扬物业", async () => {
    street = await as('street');
    const { page } = street;
    await page.goto(`${baseUrl}/orders/desk?status=placed`);
    await page.getByTestId('desk-table-cards').getByTestId('order-card').first().waitFor();
    const placed = await getJson<Listed>(page, '/api/orders?view=desk&status=placed&pageSize=100');
    type Suggestions = { items: { orgId: string; name: string; source: string }[] };
    let pick: { orderNo: string; id: string; name: string } | null = null;
    // an order of Green Yangyuan (where 绿扬物业 serves) whose service names a default handler in the catalogue
    for (const o of placed.items.filter((x) => x.abilities.events.includes('dispatch') && x.place.startsWith('绿扬'))) {
      const s = await getJson<Suggestions>(page, `/api/orders/${o.id}/handler-suggestions`);
      const def = s.items.find((x) => x.source === 'catalogue');
      if (def) {
        pick = { orderNo: o.orderNo, id: o.id, name: def.name };
        break;
      }
    }
    expect(pick).not.toBeNull();
    await page.goto(`${baseUrl}/orders/desk?status=placed&q=${pick!.orderNo}`);
    const card = page.locator(`[data-testid="order-card"][data-order-no="${pick!.orderNo}"]`);
    await card.getByTestId('quick-dispatch').click();
    const modal = page.getByTestId('move-modal');
    await modal.locator('.ant-modal-title').waitFor();
    await settled(modal.locator('.ant-modal'));
    await poll(() => page.getByTestId('move-handler-org').textContent()).toContain(pick!.name);
    await expectNoOverflow(page);
    await snap(page, '152-field-dispatch-prefilled');
    if (pick!.name !== PROPERTY) {
      // the handler of this story is 绿扬物业: search it in the list instead of scrolling
      const select = page.getByTestId('move-handler-org');
      await select.click();
      await page.keyboard.type(PROPERTY);
      const dropdown = page.locator('.ant-select-dropdown:visible');
      await settled(dropdown);
      await dropdown.locator('.ant-select-item-option').filter({ hasText: PROPERTY }).first().click();
      await select.filter({ hasText: PROPERTY }).waitFor();
    }
    await answered(page, 'POST', `/api/orders/${pick!.id}/events`, () => page.getByTestId('move-submit').click());
    await modal.waitFor({ state: 'detached' });
    dispatchedNo = pick!.orderNo;
  });

  it('handler: after 接单 and 开始处置 the order stays in view on the work list, with its next step', async () => {
    const { page } = await as('property');
    await page.goto(`${baseUrl}/orders/workbench?status=dispatched`);
    const card = page.locator(`[data-testid="workbench-card"][data-order-no="${dispatchedNo}"]`);
    await card.waitFor();
    await expectNoOverflow(page);
    await snap(page, '153-field-workbench-dispatched');

    await answered(page, 'POST', /\/events$/, () => card.getByTestId('wb-accept').click());
    await poll(() => card.getAttribute('data-status')).toBe('accepted');
    expect(await card.getAttribute('data-kept')).toBe('true');
    await poll(() => card.getByTestId('wb-next').textContent()).toContain('开始处置');
    await expectNoOverflow(page);
    await snap(page, '154-field-workbench-accepted-kept');

    await answered(page, 'POST', /\/events$/, () => card.getByTestId('wb-start').click());
    await poll(() => card.getAttribute('data-status')).toBe('in_progress');
    await poll(() => card.getByTestId('wb-next').textContent()).toContain('办结');
    expect(await card.getByTestId('wb-handle').isVisible()).toBe(true);
    await snap(page, '155-field-workbench-started-kept');
  });

  it('street: closes an order from its closing queue, choosing the outcome in the dialog', async () => {
    const { page } = street;
    await page.goto(`${baseUrl}/orders/desk`);
    // on a phone the desk's choices wrap onto rows: the leading closing tab is on screen and takes a real tap
    const closingTab = page.getByTestId('desk-tab-closing');
    await closingTab.waitFor();
    const box = await closingTab.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
    await closingTab.click();
    const cards = page.getByTestId('desk-table-cards').getByTestId('order-card');
    await cards.first().waitFor();
    const before = await getJson<Listed>(page, '/api/orders?view=closing&pageSize=1');
    expect(before.total).toBeGreaterThan(0);
    await expectNoOverflow(page);
    await snap(page, '156-field-closing-queue');

    const orderNo = (await cards.first().getAttribute('data-order-no'))!;
    const id = (await getJson<Listed>(page, `/api/orders?view=closing&q=${orderNo}`)).items[0]!.id;
    await cards.first().getByTestId('quick-close').click();
    const modal = page.getByTestId('move-modal');
    await modal.locator('.ant-modal-title').waitFor();
    await settled(modal.locator('.ant-modal'));
    await page.getByTestId('move-outcome').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await settled(dropdown);
    await snap(page, '157-field-close-dialog-outcome');
    await dropdown.locator('.ant-select-item-option').filter({ hasText: '已解决' }).first().click();
    await answered(page, 'POST', `/api/orders/${id}/events`, () => page.getByTestId('move-submit').click());
    await modal.waitFor({ state: 'detached' });
    await poll(async () => (await getJson<Listed>(page, '/api/orders?view=closing&pageSize=1')).total).toBe(before.total - 1);
    await poll(() => page.locator(`[data-testid="order-card"][data-order-no="${orderNo}"]`).count()).toBe(0);
    await snap(page, '158-field-closing-after');
  });

  it('street: the all-orders list is a card list on the phone, nothing cut off', async () => {
    const { page } = street;
    await page.goto(`${baseUrl}/orders`);
    await page.getByTestId('orders-table-cards').getByTestId('order-card').first().waitFor();
    await expectNoOverflow(page);
    await snap(page, '159-field-all-orders-cards');
  });

  it('street: on a tablet the desk keeps status, deadline and the quick action on screen', async () => {
    const tablet = await signedIn(baseUrl, 'street', password, { viewport: { width: 768, height: 1024 }, options: DESKTOP.options });
    actors.push(tablet);
    const { page } = tablet;
    await page.goto(`${baseUrl}/orders/desk?status=placed`);
    const row = page.getByTestId('desk-table').getByTestId('order-row').first();
    await row.waitFor();
    for (const el of [row.getByTestId('order-status'), row.getByTestId('order-clock'), row.getByTestId('quick-dispatch')]) {
      const box = await el.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x + box!.width).toBeLessThanOrEqual(768);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(768);
    await page.screenshot({ path: shot('160-field-desk-tablet'), animations: 'disabled' });
  });

  it("a first visit follows the browser's language; an explicit choice is kept", async () => {
    const browser = await openBrowser(SMALL_PHONE.viewport, { ...SMALL_PHONE.options, locale: 'en-US' });
    actors.push({ page: await browser.context.newPage(), close: browser.close });
    const { page } = actors[actors.length - 1]!;
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-submit').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('login-submit').innerText()).toMatch(/sign in/i);
    await page.screenshot({ path: shot('161-field-first-visit-english'), animations: 'disabled' });
    await page.getByTestId('lang-switch').click();
    await poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.reload();
    await page.getByTestId('login-submit').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('after sign-in a user who never chose follows the browser; a saved choice follows them to any browser', async () => {
    const english = { viewport: SMALL_PHONE.viewport, options: { ...SMALL_PHONE.options, locale: 'en-US' } };
    const lang = (p: Page) => p.evaluate(() => document.documentElement.lang);
    const first = await signedIn(baseUrl, 'evaluator', password, english);
    actors.push(first);
    await first.page.getByTestId('lang-switch').waitFor();
    expect(await lang(first.page)).toBe('en');
    await first.page.reload();
    await first.page.getByTestId('lang-switch').waitFor();
    expect(await lang(first.page)).toBe('en');
    await answered(first.page, 'PUT', '/api/me/locale', () => first.page.getByTestId('lang-switch').click());
    await poll(() => lang(first.page)).toBe('zh-CN');

    const second = await signedIn(baseUrl, 'evaluator', password, english);
    actors.push(second);
    await second.page.getByTestId('lang-switch').waitFor();
    await poll(() => lang(second.page)).toBe('zh-CN');
    await second.page.screenshot({ path: shot('162-field-saved-language-wins'), animations: 'disabled' });
  });

  it.each([
    { user: 'lvyang-grid', pages: ['/today', '/visits/overdue', '/orders', '/map'] },
    { user: 'lvyang-leader', pages: ['/today', '/orders'] },
    { user: 'property', pages: ['/orders/workbench'] },
    { user: 'resident', pages: ['/portal/duty'] },
  ])('$user: every field page fits the 360 px phone', async ({ user, pages }) => {
    const { page } = await as(user);
    for (const path of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId('page-title').first().waitFor();
      await poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
      const duty = page.getByTestId('duty-post').first();
      if (path === '/portal/duty' && (await duty.count()) > 0) await duty.locator('.ant-collapse-header').click();
      await expectNoOverflow(page);
      await snap(page, `${163 + fieldShots++}-field-fits-${user}${path.replaceAll('/', '-')}`);
    }
  });
});
