import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, answered, choose, signedIn, type Actor } from './orders-actors.js';

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

describe('one old, one young: staff run a programme from the console', () => {
  const NAME = '高龄关爱探访';
  let resident = '';

  it('the community staff create a programme with its provider and eligibility', async () => {
    const staff = await signedIn(baseUrl, 'lvyang-staff', password);
    actors.push(staff);
    const { page } = staff;
    await page.goto(`${baseUrl}/programmes`);
    await page.getByTestId('programme-create').click();
    await page.getByTestId('programme-name').waitFor();
    await choose(page, page.getByTestId('programme-kind'), '关爱探访');
    await page.getByTestId('programme-name').fill(NAME);
    await page.getByTestId('programme-venue').fill('居民家中');
    await page.getByTestId('programme-min-age').fill('85');
    await page.getByTestId('programme-capacity').fill('30');
    await snap(page, '170-programme-create-form');
    await page.locator('.ant-modal').filter({ hasText: '新建项目' }).locator('.ant-btn-primary').last().click();
    const card = page.getByTestId('programme-card').filter({ hasText: NAME });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('年龄 ≥ 85');
  });

  it('they record a visit need on an eligible household and turn it into an enrolment; the household card shows the programme', async () => {
    const { page } = actors.at(-1)!;
    const card = page.getByTestId('programme-card').filter({ hasText: NAME });
    await card.click();
    const unserved = card.getByTestId('programme-unserved');
    await unserved.locator('.ant-list-item').first().waitFor();
    const first = unserved.locator('.ant-list-item .ant-btn-link').first();
    resident = ((await first.textContent()) ?? '').trim();
    expect(resident).not.toBe('');
    await first.click();
    const visitsTab = page.getByRole('tab', { name: '走访记录' });
    const record = page.getByTestId('visit-record');
    await expect
      .poll(async () => {
        await visitsTab.click();
        return record.isVisible();
      })
      .toBe(true);
    await record.click();
    const needs = page.getByTestId('visit-needs');
    await needs.click();
    await needs.locator('input').fill('希望有人定期上门探望');
    await needs.locator('input').press('Enter');
    await page.getByTestId('visit-submit').click();
    const enrolNeed = page.getByTestId('need-enrol').first();
    await enrolNeed.waitFor();
    await snap(page, '171-visit-need-enrol-action');
    await enrolNeed.click();
    await page.getByTestId('enrol-programme').waitFor();
    await choose(page, page.getByTestId('enrol-programme'), NAME);
    const picker = page.getByTestId('enrol-resident');
    await picker.click();
    await picker.locator('input').fill(resident);
    const address = ((await page.locator('.ant-drawer-title').first().textContent()) ?? '').trim();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: address }).first().click();
    await snap(page, '172-visit-need-enrol-form');
    await page.locator('.ant-modal').filter({ hasText: '转为项目服务' }).locator('.ant-btn-primary').last().click();
    await page.locator('.ant-modal').filter({ hasText: '转为项目服务' }).waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('visit-item').first().textContent()).toContain('已转');
    await snap(page, '173-visit-need-ordered');
    const careTab = page.getByRole('tab', { name: '关爱服务' });
    const panel = page.getByTestId('household-programmes');
    await expect
      .poll(async () => {
        await careTab.click();
        return (await panel.isVisible()) && ((await panel.textContent()) ?? '').includes(NAME);
      })
      .toBe(true);
    await snap(page, '174-household-card-programme');
  });

  it('on a 360 px phone they record a session, ticking attendance from the enrolled list', async () => {
    const phone = await signedIn(baseUrl, 'lvyang-staff', password, PHONE_360);
    actors.push(phone);
    const { page } = phone;
    await page.goto(`${baseUrl}/programmes`);
    const card = page.getByTestId('programme-card').filter({ hasText: NAME });
    await card.getByTestId('programme-manage').click();
    const drawer = page.getByTestId('programme-drawer');
    await drawer.getByTestId('programme-enrolments').getByText(resident).waitFor();
    await page.getByTestId('session-title').fill('上门探望、测血压');
    await page.locator('.programme-attendee').filter({ hasText: resident }).click();
    const right = await page.evaluate(() =>
      Math.max(...Array.from(document.querySelectorAll('.ant-drawer-body *')).map((e) => e.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(360);
    await snap(page, '175-session-attendance-phone');
    await page.getByTestId('session-save').click();
    await page.locator('.ant-message').getByText('出席 1 人').waitFor();
    await page.locator('.ant-drawer-close').click();
    await expect.poll(() => card.textContent()).toContain('开展 1 次');
    await expect.poll(() => card.textContent()).toContain('参加 1 人次');
    await snap(page, '176-programme-after-session-phone');
  });

  it('a grid worker on a 360 px phone opens the unserved list of a programme', async () => {
    const worker = await signedIn(baseUrl, 'lvyang-grid', password, PHONE_360);
    actors.push(worker);
    const { page } = worker;
    await page.goto(`${baseUrl}/programmes/unserved`);
    await choose(page, page.getByTestId('unserved-programme'), NAME);
    const list = page.getByTestId('programme-unserved');
    await list.waitFor();
    await expect.poll(() => list.textContent()).not.toContain(resident);
    await snap(page, '177-unserved-page-phone');
  });
});

describe('one old, one young: editing a programme and acting on the unserved list', () => {
  const NAME = '高龄关爱探访';

  it('the community staff edit a programme from its card: the form holds its values and the card shows the change', async () => {
    const staff = await signedIn(baseUrl, 'lvyang-staff', password);
    actors.push(staff);
    const { page } = staff;
    await page.goto(`${baseUrl}/programmes`);
    const card = page.getByTestId('programme-card').filter({ hasText: NAME });
    await card.getByTestId('programme-edit').click();
    const name = page.getByTestId('programme-name');
    await expect.poll(() => name.inputValue()).toBe(NAME);
    expect(await page.getByTestId('programme-min-age').inputValue()).toBe('85');
    await page.getByTestId('programme-venue').fill('社区卫生服务站');
    await page.getByTestId('programme-capacity').fill('40');
    await snap(page, '200-programme-edit-form');
    const modal = page.locator('.ant-modal').filter({ hasText: `编辑「${NAME}」` });
    await answered(page, 'PATCH', /\/api\/programmes\/[^/]+$/, () => modal.locator('.ant-btn-primary').last().click());
    await modal.waitFor({ state: 'hidden' });
    await expect.poll(() => card.textContent()).toContain('社区卫生服务站');
    await snap(page, '201-programme-edited');
  });

  it('a grid worker on a 360 px phone turns an eligible resident’s need into a service order, then enrols them', async () => {
    const worker = await signedIn(baseUrl, 'lvyang-grid', password, PHONE_360);
    actors.push(worker);
    const { page } = worker;
    await page.goto(`${baseUrl}/programmes/unserved`);
    await choose(page, page.getByTestId('unserved-programme'), '长者助餐');
    const card = page.getByTestId('unserved-card').first();
    await card.waitFor();
    const residentId = (await card.getAttribute('data-resident'))!;
    const person = page.locator(`[data-testid="unserved-card"][data-resident="${residentId}"]`);
    expect(await person.getByTestId('unserved-enrol').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(page, '202-unserved-cards-phone');

    await person.getByTestId('unserved-order').click();
    const form = page.getByTestId('unserved-order-form');
    await form.waitFor();
    const catalogue = await page.evaluate(
      async () => (await (await fetch('/api/catalogue')).json()) as { categories: { services: { name: string; active: boolean }[] }[] },
    );
    const services = catalogue.categories.flatMap((c) => c.services).filter((s) => s.active);
    const service = services.find((s) => s.name.includes('助餐')) ?? services[0]!;
    await choose(page, form.locator('.ant-select').first(), service.name);
    expect(await page.getByTestId('unserved-order-description').inputValue()).toContain('长者助餐');
    await snap(page, '203-unserved-order-form-phone');
    const placed = await answered(page, 'POST', `/unserved/${residentId}/order`, () =>
      page.locator('.ant-modal').filter({ hasText: '代办服务工单' }).locator('.ant-btn-primary').last().click(),
    );
    const order = (await placed.json()) as { orderNo: string; channel: string };
    expect(order.channel).toBe('proxy');
    await page.locator('.ant-message').getByText(order.orderNo).waitFor();

    await answered(page, 'POST', /\/enrolments$/, () => person.getByTestId('unserved-enrol').click());
    await page.locator('.ant-message').getByText('纳入服务').waitFor();
    await expect.poll(() => person.count()).toBe(0);
    await snap(page, '204-unserved-enrolled-phone');
    // two writes and a catalogue on a phone: more than the default minute on a loaded machine
  }, 180_000);
});
