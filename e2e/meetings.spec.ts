import { MeetingDto, MeetingList } from '@linli/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { answered, choose, PHONE, signedIn, type Actor, settled, storyActors } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const DECISION = `鸿福家园3号楼东侧积水点由城管科限期修复（e2e ${stamp}）`;

const actors = storyActors('meetings-actor');
let staff: Actor;
let meeting: MeetingDto;
let orderNo = '';

const snap = (page: Page, name: string, fullPage = false) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });

describe('a joint meeting: attendance ticked on a phone, a decision written and turned into an order the desk sees', () => {
  it('community staff find the held joint meeting and tick attendance on a phone', async () => {
    const phone = await signedIn(baseUrl, 'anping-staff', password, { ...PHONE, viewport: { width: 360, height: 780 } });
    actors.push(phone);
    const { page } = phone;
    const list = MeetingList.parse(await (await page.request.get(`${baseUrl}/api/meetings?kind=joint`)).json());
    const joint = list.items.find((m) => m.status === 'held')!;
    await page.goto(`${baseUrl}/meetings/${joint.id}`);
    const last = page.getByTestId('meeting-invitee').last();
    await last.waitFor();
    const before = MeetingDto.parse(await (await page.request.get(`${baseUrl}/api/meetings/${joint.id}`)).json());
    const target = before.invitees.at(-1)!.attendance === 'excused' ? '出席' : '请假';
    await answered(page, 'POST', `/api/meetings/${joint.id}/attendance`, () =>
      last.getByTestId('attendance-mark').getByText(target, { exact: true }).click(),
    );
    await expect.poll(async () => (await last.locator('.ant-segmented-item-selected').textContent()) ?? '').toBe(target);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await snap(page, '100-meeting-attendance-phone', true);
    meeting = before;
  });

  it('staff write a decision and turn it into an order with the meeting channel', async () => {
    staff = await signedIn(baseUrl, 'anping-staff', password);
    actors.push(staff);
    const { page } = staff;
    await page.goto(`${baseUrl}/meetings/${meeting.id}`);
    await page.getByTestId('decision-text').fill(DECISION);
    await answered(page, 'POST', `/api/meetings/${meeting.id}/decisions`, () => page.getByTestId('decision-submit').click());
    const item = page.getByTestId('meeting-decision').filter({ hasText: DECISION });
    await item.getByTestId('decision-to-orders').click();
    const modal = page.getByTestId('decision-modal');
    await modal.locator('.ant-modal-title').waitFor();
    await settled(modal.locator('.ant-modal'));
    const form = page.getByTestId('decision-orders-form');
    // the category first: the service list is virtual and shows only what fits
    await form.getByTestId('intake-category').getByText('老旧小区改造').click();
    await choose(page, form.getByTestId('intake-service'), '雨污分流');
    await form.getByTestId('decision-order-description').fill('3号楼东侧雨水井周边积水，路面恢复不到位');
    await snap(page, '101-meeting-decision-to-order-form');
    const res = await answered(page, 'POST', /\/decisions\/[^/]+\/orders$/, () => page.getByTestId('decision-orders-submit').click());
    const after = MeetingDto.parse(await res.json()).decisionList.find((d) => d.text === DECISION)!;
    expect(after.outcome).toBe('orders');
    orderNo = after.orders[0]!.orderNo;
    await item.getByTestId('decision-order').filter({ hasText: orderNo }).waitFor();
    await snap(page, '102-meeting-decision-with-order', true);
  });

  it('the order is on the desk with channel 居民议事', async () => {
    const { page } = staff;
    await page.goto(`${baseUrl}/orders/desk?q=${orderNo}`);
    const row = page.getByTestId('order-row').filter({ hasText: orderNo });
    await row.waitFor();
    expect(await row.textContent()).toContain('居民议事');
    await snap(page, '103-meeting-order-on-desk');
  });

  it('the minutes print on A4 and the list shows the meetings', async () => {
    const { page } = staff;
    await page.goto(`${baseUrl}/meetings/${meeting.id}/print`);
    const sheet = page.getByTestId('minutes-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain(DECISION);
    await page.emulateMedia({ media: 'print' });
    await snap(page, '104-meeting-minutes-print', true);
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${baseUrl}/meetings`);
    await page.getByTestId('meetings-table').locator('tr.ant-table-row').nth(2).waitFor();
    await snap(page, '105-meetings-list', true);
    // a demo representative meeting: its decisions went to orders, whose statuses it shows
    await page.getByTestId('meetings-table').locator('tr.ant-table-row').filter({ hasText: '居民代表会议' }).first().locator('a').click();
    await page.getByTestId('decision-order').first().waitFor();
    await snap(page, '106-representative-meeting-decisions', true);
    await page.goto(`${baseUrl}/meetings/new`);
    await page.getByTestId('meeting-form').waitFor();
    await snap(page, '107-meeting-new-form', true);
  });
});
