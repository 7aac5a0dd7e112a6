import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { signedIn, storyActors } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const actors = storyActors('project-link-days');
const snap = (page: Page, name: string) => page.screenshot({ path: shot(name), animations: 'disabled' });

describe('a project’s linked activities', () => {
  it('show each activity’s day, so several of one title tell apart', async () => {
    const staff = await signedIn(baseUrl, 'anping-staff', password);
    actors.push(staff);
    const { page } = staff;
    await page.goto(`${baseUrl}/projects`);
    await page.getByTestId('project-card').first().click({ timeout: 120_000 });
    const links = page.getByTestId('project-links');
    await links.getByTestId('project-link').first().waitFor({ timeout: 120_000 });
    const days = await links.locator('.project-link-day').allTextContents();
    expect(days.length).toBeGreaterThan(0);
    for (const d of days) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect([...days].sort()).toEqual(days.slice().sort());
    await links.scrollIntoViewIfNeeded();
    await links.screenshot({ path: shot('260-project-link-days'), animations: 'disabled' });
    await snap(page, '263-project-detail-link-days');
  }, 180_000);
});
