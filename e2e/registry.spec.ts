import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, shot } from './browser.js';
import { badRegisterRows, cleanRegisterRows, writeRegister } from './registers.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

async function api<T>(url: string): Promise<T> {
  return page.evaluate(async (u) => (await fetch(u)).json(), `${baseUrl}${url}`) as Promise<T>;
}

beforeAll(async () => {
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.evaluate(() => localStorage.clear());
  await page.getByTestId('login-username').fill('lvyang-staff');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('menu-registry').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

describe('registry and building map (lvyang-staff)', () => {
  it('finds a resident by name and opens the household card with masked IDs, then reveals one with a reason', async () => {
    const { items } = await api<{ items: { name: string; idNumber: string | null }[] }>('/api/residents?pageSize=1&q=%E7%8E%8B');
    const someone = items[0]!;
    expect(someone.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    await page.getByTestId('menu-registry').click();
    await page.getByTestId('registry-search').locator('input').first().fill(someone.name);
    await page.getByTestId('registry-search').locator('input').first().press('Enter');
    const link = page.getByTestId('registry-table').getByText(someone.name, { exact: true }).first();
    await link.waitFor();
    await page.screenshot({ path: shot('10-registry-search') });
    await link.click();
    const card = page.getByTestId('household-card');
    await card.waitFor();
    await expect.poll(() => card.innerText()).toContain(someone.name);
    await page.screenshot({ path: shot('11-household-card') });
    await card.getByTestId('reveal-button').first().click();
    await page.getByTestId('reveal-reason').fill('核实身份 verifying identity for a visit');
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => page.getByTestId('reveal-result').innerText()).toMatch(/\d{17}[\dX]/);
    await page.getByTestId('reveal-close').click();
  });

  it('opens the building map of a Green Yangyuan building, switches layers and opens a household card from a flat', async () => {
    const { items } = await api<{ items: { id: string }[] }>('/api/areas?q=321003001002-01-001');
    await page.goto(`${baseUrl}/map/buildings/${items[0]!.id}`);
    const grid = page.getByTestId('map-grid');
    await grid.waitFor();
    expect(await grid.locator('[data-testid^="map-cell-"]').count()).toBeGreaterThan(20);
    await page.screenshot({ path: shot('12-building-map-tags') });
    await page.getByTestId('layer-type').click();
    await expect.poll(() => grid.getAttribute('class')).toContain('layer-type');
    await page.screenshot({ path: shot('13-building-map-type') });
    await page.getByTestId('layer-party').click();
    await expect.poll(() => grid.getAttribute('class')).toContain('layer-party');
    await grid.locator('[data-testid^="map-cell-"].occupied, [data-testid^="map-cell-"][data-household]').first().click();
    await page.getByTestId('household-card').waitFor();
    await page.screenshot({ path: shot('14-building-map-card') });
  });
});

describe('register import (lvyang-staff)', () => {
  async function upload(file: string) {
    try {
      await page.goto(`${baseUrl}/registry/import`);
      await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
      await page.getByTestId('import-mapping').waitFor();
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
    } catch (e) {
      await page.screenshot({ path: shot('19-import-upload-failed') });
      throw e;
    }
  }

  it('reports every problem row by row and imports nothing, then imports the corrected register', async () => {
    // the demo may hold a namesake: count 郑国强 before, and expect exactly one more after the commit
    const zheng = () => api<{ total: number }>('/api/residents?q=%E9%83%91%E5%9B%BD%E5%BC%BA');
    const baseline = (await zheng()).total;
    await upload(await writeRegister('bad-register.xlsx', badRegisterRows()));
    await page.getByTestId('import-report-errors').waitFor();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const text = await problems.innerText();
    expect(text).toContain('身份证');
    expect(text).toMatch(/\b3\b/);
    expect(text).toMatch(/\b4\b/);
    await page.screenshot({ path: shot('15-import-report-errors') });
    expect((await zheng()).total).toBe(baseline);

    await upload(await writeRegister('clean-register.xlsx', cleanRegisterRows()));
    await page
      .getByTestId('import-report-ok')
      .waitFor()
      .catch(async (e: unknown) => {
        await page.screenshot({ path: shot('16-import-clean-failed') });
        throw e;
      });
    await page.getByTestId('import-commit').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await page
      .getByTestId('import-another')
      .waitFor({ timeout: 30_000 })
      .catch(async (e: unknown) => {
        await page.screenshot({ path: shot('17-import-commit-failed') });
        throw e;
      });
    await page.screenshot({ path: shot('16-import-done') });
    expect((await zheng()).total).toBe(baseline + 1);
  });
});
