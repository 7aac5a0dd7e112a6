import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, signedIn, type Actor } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');

let resident: Actor;
let orderId: string;

beforeAll(async () => {
  resident = await signedIn(baseUrl, 'resident', password, { ...PHONE, viewport: { width: 360, height: 740 } });
  await resident.page.waitForURL(/\/portal$/);
  const list = await resident.page.evaluate(
    async () => (await (await fetch('/api/orders?view=mine&pageSize=1')).json()) as { items: { id: string }[] },
  );
  orderId = list.items[0]!.id;
});
afterAll(async () => {
  await resident?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await resident?.page.screenshot({ path: shot('failed-portal-eyes') }).catch(() => undefined);
});

/** What an elderly reader needs, measured in the page: each list names the elements that miss it. */
type EyeReport = { pageWidth: number; smallTargets: string[]; smallText: string[]; lowContrast: string[] };

/**
 * Measures the portal as drawn: tap targets (buttons, links, chips, fields) at least 44 × 44 px, the text of the
 * page's column at least `minFont` px, and every text at 4.5:1 or better against the colour behind it.
 */
function measure(page: Page, minFont: number): Promise<EyeReport> {
  return page.evaluate((min) => {
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 12)}"`;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    // the first opaque background up the tree, with the text's own alpha blended over it
    const behind = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if ((c[3] ?? 1) > 0.5) return c;
      }
      return [255, 255, 255];
    };
    const blend = (fg: number[], bg: number[]) => {
      const a = fg[3] ?? 1;
      return [0, 1, 2].map((i) => fg[i]! * a + bg[i]! * (1 - a));
    };
    // what a finger can hit: the element with everything drawn inside it (a link around a big button is the button)
    const tapBox = (el: Element) => {
      const rects = [el, ...Array.from(el.querySelectorAll('*'))].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
      const [left, top] = [Math.min(...rects.map((r) => r.left)), Math.min(...rects.map((r) => r.top))];
      return { width: Math.max(...rects.map((r) => r.right)) - left, height: Math.max(...rects.map((r) => r.bottom)) - top };
    };
    const targets =
      'button, a[href], [role="button"], .ant-radio-button-wrapper, .ant-checkbox-wrapper, .ant-select, input.ant-input, textarea';
    const smallTargets = Array.from(document.querySelectorAll(`.portal-page :is(${targets})`))
      .filter((el) => visible(el) && !el.closest('.ant-image-preview, .ant-picker-dropdown'))
      .map((el) => ({ el, box: tapBox(el) }))
      .filter(({ box }) => box.height < 44 - 0.5 || box.width < 44 - 0.5)
      .map(({ el, box }) => `${name(el)} ${Math.round(box.width)}×${Math.round(box.height)}`);
    const texts = Array.from(document.querySelectorAll('.portal-page *')).filter(
      (el) => visible(el) && Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''),
    );
    const smallText = texts
      .filter((el) => el.closest('main.portal') && parseFloat(getComputedStyle(el).fontSize) < min - 0.01)
      .map((el) => `${name(el)} ${getComputedStyle(el).fontSize}`);
    const lowContrast = texts
      .map((el) => {
        const bg = behind(el);
        const fg = blend(rgb(getComputedStyle(el).color), bg);
        const [a, b] = [lum(fg), lum(bg)];
        return { el, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      })
      .filter(({ el, ratio }) => ratio < 4.5 && !el.closest('[disabled], .ant-btn-disabled, .ant-steps-item-wait .ant-steps-item-icon'))
      .map(({ el, ratio }) => `${name(el)} ${ratio.toFixed(2)}:1`);
    return { pageWidth: document.documentElement.scrollWidth, smallTargets, smallText, lowContrast };
  }, minFont);
}

async function setLargeText(page: Page, on: boolean) {
  const toggle = page.getByTestId('large-text-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe(String(on));
}

/** The portal screens a resident goes through, each opened and made ready. */
const SCREENS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'home',
    open: async (page) => {
      await page.goto(`${baseUrl}/portal`);
      await page.getByTestId('portal-place-order').waitFor();
    },
  },
  {
    name: 'describe',
    open: async (page) => {
      await page.goto(`${baseUrl}/portal/order/new`);
      await page.getByTestId('portal-category-property').click();
      await page.getByTestId('portal-service').filter({ hasText: '水电维修' }).click();
      await page.getByTestId('portal-describe-form').waitFor();
    },
  },
  {
    name: 'orders',
    open: async (page) => {
      await page.goto(`${baseUrl}/portal/orders`);
      await page.getByTestId('portal-order-card').first().waitFor();
    },
  },
  {
    name: 'order',
    open: async (page) => {
      await page.goto(`${baseUrl}/portal/orders/${orderId}`);
      await page.getByTestId('timeline-entry').first().waitFor();
    },
  },
];

describe.each([320, 360, 414])('the portal for elderly eyes at %i px', (width) => {
  describe.each([
    { mode: 'normal', large: false, minFont: 16 },
    { mode: 'large', large: true, minFont: 19 },
  ])('$mode text', ({ mode, large, minFont }) => {
    it.each(SCREENS.map((s) => s.name))('%s: 44 px targets, readable text and contrast, nothing panning', async (screen) => {
      const { page } = resident;
      await page.setViewportSize({ width, height: 740 });
      await SCREENS.find((s) => s.name === screen)!.open(page);
      await setLargeText(page, large);
      await page.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)));
      const report = await measure(page, minFont);
      expect(report).toEqual({ pageWidth: width, smallTargets: [], smallText: [], lowContrast: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth === window.innerWidth)).toBe(true);
      if (width === 360 || screen === 'describe')
        await page.screenshot({
          path: shot(`25${SCREENS.findIndex((s) => s.name === screen)}-eyes-${screen}-${width}-${mode}`),
          fullPage: true,
        });
    });
  });
});
