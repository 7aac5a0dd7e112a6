import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, answered, choose, settled, signedIn, type Actor } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const PHONE_360 = { viewport: { width: 360, height: 780 }, options: PHONE.options };

const actors: Actor[] = [];
afterAll(async () => {
  for (const a of actors) await a.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [i, a] of actors.entries()) await a.page.screenshot({ path: shot(`failed-projects-forms-${i}`) }).catch(() => undefined);
});

const snap = (page: Page, name: string, fullPage = false) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });

async function getJson<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => (await (await fetch(url)).json()) as T, path);
}

const TITLE = '竹西街道青少年四点半课堂项目';
let projectId = '';

describe('the purchased-project forms: record a project, its milestones and KPIs, assign and withdraw an evaluator', () => {
  it('the street records a project through the form; a scorecard not summing to 100 is refused on the field', async () => {
    const street = await signedIn(baseUrl, 'street', password);
    actors.push(street);
    const { page } = street;
    await page.goto(`${baseUrl}/projects`);
    await page.getByTestId('project-new').waitFor();
    await snap(page, '129-projects-new-button');
    await page.getByTestId('project-new').click();
    const form = page.getByTestId('project-form');
    await form.waitFor();
    // the buyer: the street itself, the first node offered
    await page.getByTestId('project-buyer').click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await settled(dropdown);
    await dropdown.locator('.ant-select-item-option').first().click();
    await expect.poll(() => dropdown.count()).toBe(0);
    const orgs = await getJson<{ items: { name: string }[] }>(page, '/api/orgs?kind=social_org');
    await choose(page, page.getByTestId('project-provider'), orgs.items[0]!.name);
    await page.getByTestId('project-title').fill(TITLE);
    await page.getByTestId('project-contract').fill(`E2E-FORM-${Date.now()}`);
    await page.getByTestId('project-budget').fill('86000.5');
    await page.getByTestId('project-starts').fill('2025-03-01');
    await page.getByTestId('project-ends').fill('2025-12-31');
    await page.getByTestId('form-milestones-add').click();
    const milestone = page.getByTestId('form-milestones').locator('.project-form-row').last();
    await milestone.locator('input').nth(1).fill('开班仪式');
    await milestone.locator('input[type="date"]').fill('2025-03-15');
    await page.getByTestId('form-kpis-add').click();
    const kpi = page.getByTestId('form-kpis').locator('.project-form-row').last();
    await kpi.locator('input').nth(1).fill('课后托管');
    await kpi.locator('input').nth(2).fill('人次');
    await kpi.locator('.ant-input-number input').fill('400');
    // weights 40 + 25 + 20 + 10 = 95: shown live, and the server says so on the scorecard
    const weights = page.getByTestId('form-scorecard').locator('.ant-input-number input');
    await weights.last().fill('10');
    await expect.poll(() => page.getByTestId('weight-sum').innerText()).toContain('95');
    await snap(page, '180-project-create-form', true);
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/projects') && r.request().method() === 'POST');
    await page.getByTestId('project-save').click();
    expect((await refused).status()).toBe(400);
    await page.getByTestId('form-scorecard').locator('.ant-form-item-explain-error').filter({ hasText: '100' }).waitFor();
    await page.getByTestId('form-scorecard').scrollIntoViewIfNeeded();
    await snap(page, '181-project-form-weights-refused');
    await weights.last().fill('15');
    await expect.poll(() => page.getByTestId('weight-sum').innerText()).toContain('100');
    const saved = await answered(page, 'POST', '/api/projects', () => page.getByTestId('project-save').click());
    projectId = ((await saved.json()) as { id: string }).id;
    await page.waitForURL(`${baseUrl}/projects/${projectId}`);
    await page.getByText('开班仪式').waitFor();
    expect(await page.getByTestId('project-kpi').filter({ hasText: '课后托管' }).count()).toBe(1);
    await page.getByText('86,000.5').waitFor();
    await snap(page, '182-project-created-detail', true);
  });

  it('the street adds a milestone and a KPI on the edit form, then assigns the demo evaluator and withdraws them', async () => {
    const { page } = actors[0]!;
    await page.getByTestId('project-edit-link').click();
    await page.getByTestId('project-form').waitFor();
    await page.getByTestId('form-milestones-add').click();
    const milestone = page.getByTestId('form-milestones').locator('.project-form-row').last();
    await milestone.locator('input').nth(1).fill('中期评估');
    await milestone.locator('input[type="date"]').fill('2025-07-15');
    await page.getByTestId('form-kpis-add').click();
    const kpi = page.getByTestId('form-kpis').locator('.project-form-row').last();
    await kpi.locator('input').nth(1).fill('家长满意度调查');
    await kpi.locator('input').nth(2).fill('份');
    await kpi.locator('.ant-input-number input').fill('120');
    await snap(page, '183-project-edit-form', true);
    await answered(page, 'PUT', `/api/projects/${projectId}`, () => page.getByTestId('project-save').click());
    await page.waitForURL(`${baseUrl}/projects/${projectId}`);
    await page.getByText('中期评估').waitFor();
    expect(await page.getByTestId('project-kpi').count()).toBe(2);
    const options = await getJson<{ items: { name: string }[] }>(page, `/api/projects/${projectId}/evaluator-options`);
    const panel = page.getByTestId('evaluation-panel');
    await choose(page, panel.locator('.ant-select'), options.items[0]!.name);
    await answered(page, 'POST', `/api/projects/${projectId}/evaluators`, () => panel.getByRole('button', { name: /指派|Assign/ }).click());
    const tag = page.getByTestId('assigned-evaluator');
    await tag.filter({ hasText: options.items[0]!.name }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await snap(page, '184-project-evaluator-assigned');
    await answered(page, 'DELETE', new RegExp(`/api/projects/${projectId}/evaluators/`), () => tag.locator('.ant-tag-close-icon').click());
    await tag.waitFor({ state: 'detached' });
  });

  it('the edit form fits a 360 px phone', async () => {
    const phone = await signedIn(baseUrl, 'street', password, PHONE_360);
    actors.push(phone);
    await phone.page.goto(`${baseUrl}/projects/${projectId}/edit`);
    await phone.page.getByTestId('project-form').waitFor();
    await phone.page.getByTestId('form-kpis').scrollIntoViewIfNeeded();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await snap(phone.page, '185-project-form-phone-360');
  });
});

describe('linking records to a project’s automatic KPIs', () => {
  const KPI = '志愿关爱活动';
  const actualOf = async (page: Page) => {
    const text = (await page.getByTestId('project-kpi').filter({ hasText: KPI }).textContent()) ?? '';
    return Number(/实际 (\d+)/.exec(text)?.[1]);
  };

  it('the community staff pick an activity of the project’s period, link it and the KPI counts it; unlinking takes it back', async () => {
    const staff = await signedIn(baseUrl, 'anping-staff', password);
    actors.push(staff);
    const { page } = staff;
    await page.goto(`${baseUrl}/projects`);
    const projects = await getJson<{ items: { id: string; title: string }[] }>(page, '/api/projects');
    const meal = projects.items.find((p) => p.title === '安平社区长者助餐惠民实事项目')!;
    await page.goto(`${baseUrl}/projects/${meal.id}`);
    const links = page.getByTestId('project-links');
    await links.waitFor();
    const before = await actualOf(page);
    expect(before).toBeGreaterThan(0);
    const linked = await links.getByTestId('project-link').count();

    const target = page.getByTestId('project-link-target');
    await target.scrollIntoViewIfNeeded();
    await target.click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await settled(dropdown);
    const option = dropdown.locator('.ant-select-item-option').first();
    const label = ((await option.textContent()) ?? '').trim();
    expect(label).not.toBe('');
    await snap(page, '205-project-link-picker');
    await option.click();
    const added = await answered(page, 'POST', `/api/projects/${meal.id}/links`, () => page.getByTestId('project-link-add').click());
    const targetId = (added.request().postDataJSON() as { targetId: string }).targetId;
    await expect.poll(() => actualOf(page)).toBe(before + 1);
    await expect.poll(() => links.getByTestId('project-link').count()).toBe(linked + 1);
    await page.getByTestId('project-kpi').filter({ hasText: KPI }).scrollIntoViewIfNeeded();
    await snap(page, '206-project-linked-kpi');

    const row = links.locator(`[data-testid="project-link"][data-target="${targetId}"]`);
    // the picker reads "YYYY-MM-DD title"; the linked tag shows the same day in its own span before the title
    const [, day, title] = /^(\d{4}-\d{2}-\d{2}) (.*)$/.exec(label) ?? [];
    expect(await row.locator('.project-link-day').textContent()).toBe(day);
    expect(await row.textContent()).toBe(`${day}${title}`);
    await answered(page, 'DELETE', new RegExp(`/api/projects/${meal.id}/links/activity/`), () => row.getByTestId('project-unlink').click());
    await expect.poll(() => actualOf(page)).toBe(before);
    await expect.poll(() => row.count()).toBe(0);
    expect(await links.getByTestId('project-link').count()).toBe(linked);
    await snap(page, '207-project-unlinked');
  }, 180_000);
});
