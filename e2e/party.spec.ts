import { BuildingMapDto, MeDto, PartyMemberDto, PostDto, VolunteerOrdersDto } from '@linli/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { answered, choose, DESKTOP, PHONE, settled, signedIn, type Actor, storyActors } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const stamp = new Date().toISOString().replace(/\D/g, '').slice(4, 12);
const POST_TITLE = `楼栋红色驿站值守（e2e ${stamp}）`;
/** The issue asks for a 360 px phone. */
const PHONE_360 = { ...PHONE, viewport: { width: 360, height: 780 } };

const actors = storyActors('party');
let organiser: Actor;
let resident: Actor;
let staff: Actor;
let residentMe: MeDto;
let post: PostDto;

async function as(username: string, device: typeof PHONE | typeof DESKTOP): Promise<Actor> {
  const actor = await signedIn(baseUrl, username, password, device);
  actors.push(actor);
  return actor;
}

const snap = (page: Page, name: string, fullPage = false) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });

/** One API request with the page's session (its cookie and CSRF token). */
async function request<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<{ status: number; body: T }> {
  const me = (await (await page.request.get(`${baseUrl}/api/me`)).json()) as { csrfToken: string };
  const res = await page.request.fetch(`${baseUrl}${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
  return { status: res.status(), body: (await res.json()) as T };
}

describe('the party organiser, a member claiming a post, staff confirming it on the map, duties from a phone', () => {
  it('the party organiser of Green Yangyuan browses the four-level tree', async () => {
    organiser = await as('lvyang-party', DESKTOP);
    const { page } = organiser;
    await page.goto(`${baseUrl}/party`);
    const tree = page.getByTestId('party-tree');
    await tree.waitFor();
    await tree.getByText('红色驿站').first().waitFor();
    await snap(page, '140-party-tree-organiser');
  });

  it('registers the demo resident as a party member, found by name with the resident picker', async () => {
    resident = await as('resident', PHONE_360);
    residentMe = MeDto.parse((await request(resident.page, 'GET', '/api/me')).body);
    const already = await request(resident.page, 'GET', '/api/party/members/me');
    const { page } = organiser;
    await page.goto(`${baseUrl}/party/members`);
    await page.getByTestId('party-register-member').click();
    const form = page.getByTestId('party-member-form');
    await form.waitFor();
    const modal = page.locator('.ant-modal').filter({ has: form });
    await settled(modal);
    // a member already (the seed makes some residents members): register another of the same building instead
    const name = already.status === 404 ? residentMe.user.displayName : '王';
    const picker = page.getByTestId('party-member-resident');
    await picker.click();
    await page.keyboard.type(name);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first();
    await option.waitFor();
    await option.click();
    // the picker's list closes before the next select opens (two open lists confuse `choose`)
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await choose(page, page.getByTestId('party-member-org'), '党支部');
    await snap(page, '141-party-register-member-form');
    const res = await answered(page, 'POST', '/api/party/members', () => modal.locator('.ant-btn-primary').click());
    const created = PartyMemberDto.parse(await res.json());
    expect(created).toMatchObject({ registration: 'local', status: 'active' });
    await page.getByTestId('party-members').getByText(created.name).first().waitFor();
    await snap(page, '142-party-members-registered');
    if (already.status === 404) expect(created.name).toBe(residentMe.user.displayName);
    const mine = await request<PartyMemberDto>(resident.page, 'GET', '/api/party/members/me');
    expect(mine.status).toBe(200);
  });

  it('the member claims a red post of their building from a 360 px phone', async () => {
    const buildingId = residentMe.scopes[0]!.areaId!;
    const made = await request<PostDto>(organiser.page, 'POST', '/api/posts', {
      kind: 'red_post_keeper',
      title: POST_TITLE,
      duties: '每周两次在楼栋红色驿站值守，收集居民诉求',
      areaId: buildingId,
    });
    expect(made.status).toBe(201);
    post = made.body;
    const { page } = resident;
    await page.goto(`${baseUrl}/portal`);
    await page.getByTestId('portal-duty').click();
    const card = page.getByTestId('duty-post').filter({ hasText: POST_TITLE });
    await card.waitFor();
    await answered(page, 'POST', `/api/posts/${post.id}/claim`, () => card.getByTestId('post-claim').click());
    await card.getByTestId('post-withdraw').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, '143-post-claimed-phone-360');
  });

  it('community staff confirm the claim, and the building map shows the member at once', async () => {
    staff = await as('lvyang-staff', DESKTOP);
    const { page } = staff;
    await page.goto(`${baseUrl}/party/posts`);
    await page.locator('.ant-segmented-item').filter({ hasText: '待确认' }).click();
    const row = page.getByTestId('posts-table').locator('tr').filter({ hasText: POST_TITLE });
    await row.waitFor();
    await snap(page, '144-posts-claim-to-confirm');
    const res = await answered(page, 'POST', /\/api\/post-holders\/[^/]+\/moves$/, () => row.getByTestId('post-confirm').click());
    const holderName = PostDto.parse(await res.json()).holder?.name;
    const buildingId = residentMe.scopes[0]!.areaId!;
    const map = BuildingMapDto.parse((await request(page, 'GET', `/api/map/buildings/${buildingId}`)).body);
    expect(map.responsible.some((p) => p.source === 'post' && p.name === holderName)).toBe(true);
    await page.goto(`${baseUrl}/map/buildings/${buildingId}`);
    const panel = page.getByTestId('responsible');
    await panel.getByText(holderName!).first().waitFor();
    await panel.scrollIntoViewIfNeeded();
    await snap(page, '145-building-map-post-holder');
  });

  it('the member records a duty log from the phone', async () => {
    const { page } = resident;
    await page.goto(`${baseUrl}/portal/duty`);
    const card = page.getByTestId('duty-post').filter({ hasText: POST_TITLE });
    await card.locator('.ant-collapse-header').click();
    const log = card.getByTestId('duty-log');
    await log.locator('textarea').fill('驿站值守两小时，收集到3条诉求，已转网格员');
    await log.locator('.ant-input-number input').fill('2');
    await answered(page, 'POST', /\/api\/post-holders\/[^/]+\/logs$/, () => log.getByTestId('duty-log-save').click());
    await log.locator('.ant-list-item').filter({ hasText: '收集到3条诉求' }).waitFor();
    await page.getByText('累计 2 小时').first().waitFor();
    await snap(page, '146-duty-log-phone-360', true);
  });
});

describe('an in-service member reporting here gets an account; the Red Butler leader hands an order', () => {
  it('the organiser registers an in-service member and opens their account', async () => {
    const { page } = organiser;
    await page.goto(`${baseUrl}/party/members`);
    const created = await request<PartyMemberDto>(page, 'POST', '/api/party/members', {
      orgId: (await request<{ items: { id: string }[] }>(page, 'GET', '/api/party/tree')).body.items[0]!.id,
      registration: 'reporting',
      name: `钱报到${stamp.slice(-4)}`,
      sex: 2,
      birthDate: '1988-05-04',
      workUnit: '区卫健委',
      commitments: '每季度一次义诊',
    });
    expect(created.status).toBe(201);
    await page.reload();
    await page.getByTestId('party-members').waitFor();
    await page.getByTestId(`pm-manage-${created.body.id}`).click();
    await page.getByTestId('pm-username').fill(`qian-${stamp}`);
    await page.getByTestId('pm-password').fill(password);
    await answered(page, 'POST', `/api/party/members/${created.body.id}/account`, () => page.getByTestId('pm-open-account').click());
    await page.getByTestId('pm-account-opened').waitFor();
    await snap(page, '147-reporting-member-account');
    const member = await as(`qian-${stamp}`, PHONE_360);
    await member.page.goto(`${baseUrl}/portal/duty`);
    await member.page.getByTestId('my-reporting').getByText('每季度一次义诊').waitFor();
    await snap(member.page, '148-reporting-member-phone-360', true);
  });

  it('the Red Butler leader sees the team’s orders on the phone and hands one on', async () => {
    const volunteer = await as('volunteer', PHONE_360);
    const { page } = volunteer;
    const orders = VolunteerOrdersDto.parse((await request(page, 'GET', '/api/volunteer-orders')).body);
    expect(orders.isLeader).toBe(true);
    await page.goto(`${baseUrl}/portal/volunteer`);
    const list = page.getByTestId('volunteer-orders');
    await list.waitFor();
    const handable = orders.items.find((o) => o.canHand);
    if (handable) {
      const myId = MeDto.parse((await request(page, 'GET', '/api/me')).body).user.id;
      const me = orders.roster.find((r) => r.userId === myId)!;
      const select = page.getByTestId(`vorder-hand-${handable.orderNo}`);
      await select.scrollIntoViewIfNeeded();
      await answered(page, 'POST', `/api/volunteer-orders/${handable.id}/hand`, () => choose(page, select, me.name));
      const card = list.getByTestId('volunteer-order').filter({ hasText: handable.orderNo });
      await card.getByText(`承办人: ${me.name}`).waitFor();
      await card.locator('.ant-select-arrow-loading').waitFor({ state: 'detached' });
      // handed to themselves: their own next move shows on the card
      await card.locator('[data-testid^="vorder-"]').filter({ hasNotText: me.name }).first().waitFor();
    }
    await list.scrollIntoViewIfNeeded();
    await snap(page, '149-red-butler-orders-phone-360');
  });
});
