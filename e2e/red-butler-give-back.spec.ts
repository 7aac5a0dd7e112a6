import { VolunteerOrdersDto } from '@linli/contracts';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, answered, signedIn, storyActors } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const actors = storyActors('red-butler-give-back');
const snapCard = (card: Locator, name: string) => card.screenshot({ path: shot(name), animations: 'disabled' });

async function request<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const me = (await (await page.request.get(`${baseUrl}/api/me`)).json()) as { csrfToken: string };
  const res = await page.request.fetch(`${baseUrl}${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

describe('a Red Butler order handed to a volunteer goes back to the team leader, never to the desk', () => {
  it('the volunteer gives a handed order back with the reason on a 360 px phone; it is back in the leader’s queue', async () => {
    const volunteer = await signedIn(baseUrl, 'volunteer', password, { ...PHONE, viewport: { width: 360, height: 780 } });
    actors.push(volunteer);
    const { page } = volunteer;
    const before = VolunteerOrdersDto.parse(await request(page, 'GET', '/api/volunteer-orders'));
    const order = before.items.find((o) => o.canHand)!;
    expect(order, 'the demo Red Butler team has an order to hand').toBeDefined();
    const me = (await request<{ user: { id: string } }>(page, 'GET', '/api/me')).user.id;
    // the demo's volunteer leads the team and is its only member with an account: they hand it to themselves
    await request(page, 'POST', `/api/volunteer-orders/${order.id}/hand`, {
      volunteerId: before.roster.find((r) => r.userId === me)!.volunteerId,
    });
    await page.goto(`${baseUrl}/portal/volunteer`);
    const card = page.getByTestId('volunteer-order').filter({ hasText: order.orderNo });
    await card.getByTestId(`vorder-give-back-${order.orderNo}`).click();
    await card.getByTestId(`vorder-give-back-reason-${order.orderNo}`).fill('本周出差，无法上门，请队长另行安排');
    await snapCard(card, '261-red-butler-give-back-phone-360');
    await answered(page, 'POST', `/api/volunteer-orders/${order.id}/give-back`, () =>
      card.getByTestId(`vorder-give-back-ok-${order.orderNo}`).click(),
    );
    await card.getByTestId(`vorder-give-back-${order.orderNo}`).waitFor({ state: 'detached' });
    const after = VolunteerOrdersDto.parse(await request(page, 'GET', '/api/volunteer-orders'));
    expect(after.items.find((o) => o.id === order.id)).toMatchObject({ handlerUserId: null, canHand: true, canGiveBack: false });
    await snapCard(card, '262-red-butler-given-back-phone-360');
  }, 180_000);
});
