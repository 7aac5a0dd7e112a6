import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, shot } from './browser.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
let browser: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('community staff console', () => {
  it('anping-staff signs in in Chinese, sees only their menu, browses the area tree, and switches to English', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => page.getByTestId('login-submit').innerText()).toMatch(/登\s*录/);
    await page.screenshot({ path: shot('01-login-zh') });

    await page.getByTestId('login-username').fill('anping-staff');
    await page.getByTestId('login-password').fill('wrong-password-123');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');

    await signIn(page, 'anping-staff');
    await page.getByTestId('user-scope').waitFor();
    expect(await page.getByTestId('user-scope').innerText()).toContain('安平社区');
    expect(await page.getByTestId('menu-areas').innerText()).toBe('区域管理');
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    expect(await page.getByTestId('menu-audit').count()).toBe(0);
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('home-supermarket').waitFor();
    await expect.poll(() => page.getByTestId('home-overview.toDispatch').innerText()).toMatch(/待派单\s*\d+/);
    await expect.poll(() => page.getByTestId('home-overview.rate30.satisfaction').innerText()).toMatch(/满意率\s*\d+(\.\d)?%/);
    await page.locator('canvas').first().waitFor();
    await page.screenshot({ path: shot('02-overview-zh') });

    await page.getByTestId('menu-areas').click();
    await page.getByTestId('area-node-321003001001').click();
    await expect.poll(() => page.getByTestId('area-title').innerText()).toContain('安平社区');
    await page.screenshot({ path: shot('03-areas-zh') });

    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('menu-areas').innerText()).toBe('Areas');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: shot('04-areas-en') });

    await page.reload();
    await expect.poll(() => page.getByTestId('menu-areas').innerText()).toBe('Areas');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByTestId('login-submit').innerText()).toMatch(/Sign in/i);
    await page.close();
  });

  it('lvyang-staff opens the floor plan of a Green Yangyuan building: one cell per flat', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.evaluate(() => localStorage.clear());
    await signIn(page, 'lvyang-staff');
    await page.getByTestId('menu-areas').click();
    const expand = (code: string) =>
      page
        .getByTestId(`area-node-${code}`)
        .locator('xpath=ancestor::div[contains(@class,"ant-tree-treenode")][1]')
        .locator('.ant-tree-switcher')
        .click();
    await expand('321003001002');
    await expand('321003001002-01');
    await page.getByTestId('area-node-321003001002-01-001').click();
    await page.getByTestId('floor-plan').waitFor();
    const cells = await page.getByTestId('floor-plan').locator('[data-flat]').count();
    const layout = await page.evaluate(async (url) => {
      const list = (await (await fetch(`${url}/api/areas?q=321003001002-01-001`)).json()) as { items: { id: string }[] };
      const layout = (await (await fetch(`${url}/api/areas/${list.items[0]!.id}/layout`)).json()) as { flats: unknown[] };
      return layout.flats.length;
    }, baseUrl);
    expect(layout).toBeGreaterThan(0);
    expect(cells).toBe(layout);
    await page.screenshot({ path: shot('05-building-floor-plan') });
    await page.close();
  });
});

describe('resident portal', () => {
  it('a resident lands on the mobile portal', async () => {
    const phone = await openBrowser({ width: 390, height: 844 });
    try {
      const page = await phone.context.newPage();
      await page.goto(`${baseUrl}/login`);
      await page.getByTestId('login-username').fill('resident');
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/portal/);
      await page.getByTestId('page-title').waitFor();
      await page.screenshot({ path: shot('06-portal-phone') });
      expect(await page.getByTestId('lang-switch').count()).toBe(1);
    } finally {
      await phone.close();
    }
  });
});
