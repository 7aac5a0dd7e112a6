import { WorkReportDto } from '@linli/contracts';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { type Actor, PHONE, signedIn } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const ANPING = '321003001001';
let street: Actor;

afterAll(async () => {
  await street?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await street?.page.screenshot({ path: shot('failed-reports') }).catch(() => undefined);
});

const snap = (page: Page, name: string, fullPage = true) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });

/** Resolves once the chart's canvas has been the same for a few frames (its grow-in animation has run). */
const chartDrawn = (chart: Locator) =>
  chart.locator('canvas').evaluate(
    (c: HTMLCanvasElement) =>
      new Promise<void>((resolve) => {
        let last = '';
        let same = 0;
        const tick = () => {
          const now = c.toDataURL();
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 3) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );

const figure = (page: Page, key: string) => page.getByTestId(`figure-${key}`).locator('.ant-statistic-content-value');

describe('the street’s dashboard and work report', () => {
  it('street: opens the dashboard of Zhuxi street and compares its two communities', async () => {
    street = await signedIn(baseUrl, 'street', password);
    const { page } = street;
    await page.getByRole('menuitem', { name: '治理驾驶舱' }).click();
    await page.waitForURL(/\/dashboard/);
    await expect
      .poll(() => page.getByTestId('dashboard-children').getByRole('button').allTextContents(), { timeout: 30_000 })
      .toHaveLength(2);
    await chartDrawn(page.getByTestId('dashboard-trend'));
    await chartDrawn(page.getByTestId('dashboard-compare'));
    await snap(page, '60-dashboard-street');
  });

  it('street: drills down to Anping, whose figures are the seeds’, and from a figure to its list', async () => {
    const { page } = street;
    await page
      .getByTestId('dashboard-children')
      .getByRole('button', { name: /安平社区/ })
      .click();
    await page.waitForURL(new RegExp(`area=${ANPING}`));
    await expect.poll(() => figure(page, 'residents').textContent(), { timeout: 30_000 }).toBe('12,669');
    expect(await figure(page, 'partyBranches').textContent()).toBe('5');
    expect(await figure(page, 'partyMembers').textContent()).toBe('195');
    await chartDrawn(page.getByTestId('dashboard-compare'));
    await snap(page, '61-dashboard-anping');

    await page.getByTestId('figure-households').click();
    await page.waitForURL(/\/registry\?.*tab=households/);
    await page.locator('.ant-table-row, .ant-list-item, [data-testid^="household-"]').first().waitFor();
    await snap(page, '62-dashboard-drilldown-households', false);
    await page.goBack();
    await page.getByTestId('figure-partyMembers').click();
    await page.waitForURL(/\/party\/members\?communityId=/);
    await page.locator('.ant-table-row').first().waitFor();
    // the community comes from the address: the picker names it rather than showing its id
    await expect.poll(() => page.getByTestId('party-community').innerText()).toContain('安平社区');
    await snap(page, '63-dashboard-drilldown-party-members', false);
    await page.goBack();
    await page.waitForURL(/\/dashboard/);
  });

  it('street: prints the quarterly work report of Anping on A4', async () => {
    const { page } = street;
    await page.getByTestId('dashboard-report').click();
    await page.waitForURL(/\/reports\/work/);
    await page.getByTestId('work-report').waitFor();
    const loaded = page.waitForResponse((r) => r.url().includes('/api/reports/work?') && r.url().includes(`area=${ANPING}`) && r.ok());
    await page.locator('.work-report-page').getByTestId('report-period').getByText('上季度', { exact: true }).click();
    const report = WorkReportDto.parse(await (await loaded).json());
    expect(report.months).toHaveLength(3);
    await page.getByTestId('work-report').getByText(`${report.from} 至 ${report.to}`, { exact: false }).waitFor();
    expect(await page.getByTestId('report-row-residents').locator('td').nth(1).textContent()).toBe('12,669');
    await snap(page, '64-work-report-quarter');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('report-print').isVisible()).toBe(false);
    await snap(page, '65-work-report-print');
    await page.pdf({ path: shot('66-work-report-quarter').replace(/\.png$/, '.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const href = await page.getByTestId('report-export').getAttribute('href');
    const xlsx = await page.request.get(`${baseUrl}${href}`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('street: reads the dashboard on a phone', async () => {
    const phone = await signedIn(baseUrl, 'street', password, { ...PHONE, viewport: { width: 360, height: 780 } });
    try {
      await phone.page.goto(`${baseUrl}/dashboard?area=${ANPING}&period=year`);
      await expect.poll(() => figure(phone.page, 'residents').textContent(), { timeout: 30_000 }).toBe('12,669');
      await chartDrawn(phone.page.getByTestId('dashboard-compare'));
      // the dashboard itself fits the screen (long parts scroll inside their own boxes)
      const content = await phone.page.locator('.ant-layout-content').evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(content[0]).toBeLessThanOrEqual(content[1]!);
      await snap(phone.page, '67-dashboard-phone');
    } finally {
      await phone.close();
    }
  });
});
