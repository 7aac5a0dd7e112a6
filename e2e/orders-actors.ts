import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { openBrowser, shot, type ContextOptions } from './browser.js';

/** Every actor sees the street's own clock and language, whatever the machine running the test is set to. */
const STREET_CONTEXT: ContextOptions = { timezoneId: 'Asia/Shanghai', locale: 'zh-CN' };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  options: { ...STREET_CONTEXT, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
};
export const DESKTOP = { viewport: { width: 1366, height: 860 }, options: STREET_CONTEXT };

export type Actor = { page: Page; close: () => Promise<void> };

/** One user in a browser of their own (so sessions never mix), signed in through the login page. */
export async function signedIn(baseUrl: string, username: string, password: string, device = DESKTOP): Promise<Actor> {
  const browser = await openBrowser(device.viewport, device.options);
  try {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return { page, close: browser.close };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Waits for the answer to one request (method and path ending), failing on anything but 2xx. */
export async function answered(page: Page, method: string, pathEnd: string | RegExp, act: () => Promise<void>): Promise<Response> {
  const matches = (r: Response) => {
    const path = new URL(r.url()).pathname;
    return r.request().method() === method && (typeof pathEnd === 'string' ? path.endsWith(pathEnd) : pathEnd.test(path));
  };
  const [response] = await Promise.all([page.waitForResponse(matches), act()]);
  if (!response.ok()) throw new Error(`${method} ${response.url()} answered ${response.status()}: ${await response.text()}`);
  return response;
}

/** Makes one move on the order through the move dialog: the caller fills the fields, this sends and waits. */
export async function submitMove(page: Page, orderId: string, fill: (modal: Locator) => Promise<void>): Promise<void> {
  // antd's modal root has no box of its own: wait for its title instead
  const modal = page.getByTestId('move-modal');
  await modal.locator('.ant-modal-title').waitFor();
  await settled(modal.locator('.ant-modal'));
  await fill(modal);
  await answered(page, 'POST', `/api/orders/${orderId}/events`, () => page.getByTestId('move-submit').click());
  await modal.waitFor({ state: 'detached' });
}

/** Resolves once the element's opening animations (antd's zoom and slide) have run. */
export async function settled(el: Locator): Promise<void> {
  await el.evaluate((node) => Promise.allSettled(node.getAnimations({ subtree: true }).map((a) => a.finished)));
}

/** Picks an option by its visible name in an antd Select, and checks the Select took it. */
export async function choose(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await settled(dropdown);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
  await select.filter({ hasText: name }).waitFor();
}

/** The order's card on the handler's workbench tab, paging on until it shows up. */
export async function workbenchCard(page: Page, baseUrl: string, status: string, orderNo: string): Promise<Locator> {
  for (let n = 1; n <= 20; n++) {
    await page.goto(`${baseUrl}/orders/workbench?status=${status}${n > 1 ? `&page=${n}` : ''}`);
    const cards = page.getByTestId('workbench-card');
    await cards.first().waitFor();
    const card = cards.filter({ hasText: orderNo });
    if ((await card.count()) === 1) return card;
    if ((await page.locator('.ant-pagination-next:not(.ant-pagination-disabled)').count()) === 0) break;
  }
  throw new Error(`order ${orderNo} is not on the ${status} workbench`);
}

/**
 * The actors of a spec told as one story in steps: they close after the last step; once a step fails, every
 * actor's page is saved as `failed-<name>-<i>` and the later steps are skipped (they would only repeat the failure).
 */
export function storyActors(name: string): Actor[] {
  const actors: Actor[] = [];
  let broken = false;
  afterAll(async () => {
    for (const a of actors) await a.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    broken = true;
    for (const [i, a] of actors.entries()) await a.page.screenshot({ path: shot(`failed-${name}-${i}`) }).catch(() => undefined);
  });
  beforeEach((ctx) => {
    if (broken) ctx.skip();
  });
  return actors;
}
