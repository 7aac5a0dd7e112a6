import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, signedIn, type Actor } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
/** the narrowest phone a grid worker carries */
const PHONE_360 = { viewport: { width: 360, height: 780 }, options: PHONE.options };

const actors: Actor[] = [];
afterAll(async () => {
  for (const a of actors) await a.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [i, a] of actors.entries()) await a.page.screenshot({ path: shot(`failed-programmes-${i}`) }).catch(() => undefined);
});

const snap = (page: Page, name: string, fullPage = false) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });

describe('one old, one young: Green Yangyuan’s programmes', () => {
  it('the community staff see the elderly services and the small dining table with their figures', async () => {
    const staff = await signedIn(baseUrl, 'lvyang-staff', password);
    actors.push(staff);
    await staff.page.goto(`${baseUrl}/programmes`);
    const cards = staff.page.getByTestId('programme-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(7);
    await expect.poll(() => cards.filter({ hasText: '四点半小饭桌' }).count()).toBe(1);
    await staff.page.getByTestId('social-orgs').getByText('高级社会工作师').waitFor();
    await snap(staff.page, '80-programmes-staff', true);
  });

  it('a grid worker on a 360 px phone lists who in the grid is eligible for meal aid but not served, and opens a household', async () => {
    const worker = await signedIn(baseUrl, 'lvyang-grid', password, PHONE_360);
    actors.push(worker);
    await worker.page.goto(`${baseUrl}/programmes`);
    const meal = worker.page.getByTestId('programme-card').filter({ hasText: '长者助餐' });
    await meal.waitFor();
    await meal.click();
    const list = worker.page.getByTestId('programme-unserved');
    await list.waitFor();
    // the page itself fits the phone (the shell's header is measured by its own specs)
    const right = await worker.page.evaluate(() =>
      Math.max(...Array.from(document.querySelectorAll('.programmes-page *')).map((e) => e.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(360);
    await snap(worker.page, '81-programmes-unserved-phone');
    await list.locator('.ant-list-item button').first().click();
    // the drawer slides in: click the tab until its panel shows
    const tab = worker.page.getByRole('tab', { name: '关爱服务' });
    const panel = worker.page.getByTestId('household-programmes');
    await expect
      .poll(async () => {
        await tab.click();
        return panel.isVisible();
      })
      .toBe(true);
    await snap(worker.page, '82-household-programmes-phone');
  });
});
