import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { type Actor, signedIn } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const COMPOUNDS = ['绿扬新苑东区', '绿扬新苑西区'];
/** 绿扬新苑社区 has 134 buildings in its two compounds. */
const BUILDINGS = 134;
let actor: Actor;
let page: Page;

beforeAll(async () => {
  actor = await signedIn(baseUrl, 'lvyang-staff', password, {
    viewport: { width: 1440, height: 900 },
    options: { timezoneId: 'Asia/Shanghai', locale: 'zh-CN' },
  });
  page = actor.page;
  const { items } = (await page.evaluate(async (u) => (await fetch(u)).json(), `${baseUrl}/api/areas?q=321003001002`)) as {
    items: { id: string; code: string }[];
  };
  const community = items.find((a) => a.code === '321003001002');
  await page.goto(`${baseUrl}/map/areas/${community!.id}`);
  await page.getByTestId('site-map').waitFor();
});
afterAll(async () => {
  await actor?.close();
});

/** Every compound is named and visible, no block or tile sticks out of the page, and no two tiles read alike. */
async function expectWholeSite(): Promise<void> {
  const titles = page.getByTestId('site-block-title');
  expect((await titles.allInnerTexts()).sort()).toEqual(COMPOUNDS);
  for (const title of await titles.all()) expect(await title.isVisible()).toBe(true);
  const outside = await page.locator('.site-block, .building-tile').evaluateAll((els) => {
    const width = document.documentElement.clientWidth;
    return els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.left < 0 || r.right > width + 0.5)
      .map((r) => `${r.left}–${r.right} of ${width}`);
  });
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const labels = await page.getByTestId('building-label').allInnerTexts();
  expect(labels).toHaveLength(BUILDINGS);
  expect(new Set(labels).size).toBe(labels.length);
  expect(labels).toContain('东区 1幢');
  expect(labels).toContain('西区 1幢');
}

describe('site overview of Green Yangyuan (lvyang-staff)', () => {
  it('shows both compounds under their names, whole, on a 1440 px screen', async () => {
    await expectWholeSite();
    await page.screenshot({ path: shot('190-site-map-1440'), fullPage: true });
  });

  it('wraps the compounds one under the other on a 360 px phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await expectWholeSite();
    const [east, west] = await page.locator('.site-block').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(west!).toBeGreaterThan(east!);
    await page.screenshot({ path: shot('191-site-map-phone-360') });
    await page.getByTestId('site-block-title').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('192-site-map-phone-360-second-compound') });
  });

  it('prints the whole community on A4 landscape', async () => {
    // A4 landscape less the 10 mm margins: 277 mm × 190 mm at 96 px per inch.
    await page.setViewportSize({ width: 1047, height: 718 });
    await page.emulateMedia({ media: 'print' });
    await expectWholeSite();
    expect(await page.getByTestId('print-button').isVisible()).toBe(false);
    await page.screenshot({ path: shot('193-site-map-print-media'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', landscape: true, preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(shot('194-site-map-a4').replace(/\.png$/, '.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
  });
});
