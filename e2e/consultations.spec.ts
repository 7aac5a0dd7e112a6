import { AreaListDto, PortalHomeDto, VoteTopicDto, VoteTopicList } from '@linli/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, answered, signedIn, type Actor, storyActors } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const TITLE = `电动车充电桩选址（e2e ${stamp}）`;
/** the narrowest phone the portal is laid out for */
const PHONE_360 = { viewport: { width: 360, height: 780 }, options: PHONE.options };

const actors = storyActors('consultations');
let resident: Actor;
let staff: Actor;
let topicId = '';
let residentName = '';
let address = '';

const snap = (page: Page, name: string, fullPage = false) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });

/** A JSON request from inside the signed-in page (cookie and CSRF token as the app sends them); the status and body. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as unknown };
    },
    { method, path, body },
  );
}

describe('a consultation: a resident votes on a phone, a second vote of the household is refused online and at the desk', () => {
  it("the community staff put a topic to the households of the resident's compound", async () => {
    resident = await signedIn(baseUrl, 'resident', password, PHONE_360);
    staff = await signedIn(baseUrl, 'lvyang-staff', password);
    actors.push(resident, staff);
    const home = PortalHomeDto.parse((await call(resident.page, 'GET', '/api/portal/home')).json).home!;
    address = home.address;
    residentName = ((await call(resident.page, 'GET', '/api/me')).json as { user: { displayName: string } }).user.displayName;
    const compoundName = address.split(' ')[0]!;
    const areas = AreaListDto.parse((await call(staff.page, 'GET', `/api/areas?kind=compound&q=${encodeURIComponent(compoundName)}`)).json);
    const compound = areas.items.find((a) => a.name === compoundName)!;
    const res = await call(staff.page, 'POST', '/api/consultations', {
      title: TITLE,
      description: '小区拟新建电动车充电桩一处，请各户选择选址。',
      kind: 'other',
      eligibility: 'compound_households',
      areaId: compound.id,
      options: [
        { key: 'north', label: '北门停车场旁' },
        { key: 'south', label: '南区自行车棚内' },
      ],
      quorum: 1,
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    topicId = VoteTopicDto.parse(res.json).id;
  });

  it('the resident finds the topic in the portal and votes on the phone', async () => {
    const { page } = resident;
    await page.goto(`${baseUrl}/portal`);
    await page.getByTestId('portal-votes').click();
    await page.getByTestId('portal-vote-card').filter({ hasText: TITLE }).click();
    await page.getByTestId('portal-vote-title').filter({ hasText: TITLE }).waitFor();
    await page.getByTestId('portal-vote-option-north').click();
    await snap(page, '80-consult-portal-vote-360', true);
    await answered(page, 'POST', `/api/consultations/${topicId}/votes`, () => page.getByTestId('portal-vote-submit').click());
    await page.getByTestId('portal-vote-done').waitFor();
    expect(await page.getByTestId('portal-vote-submit').count()).toBe(0);
    await snap(page, '80-consult-portal-voted-360', true);
  });

  it('a second online vote from the household is refused with the reason', async () => {
    const again = await call(resident.page, 'POST', `/api/consultations/${topicId}/votes`, { optionKey: 'south' });
    expect(again.status).toBe(409);
    expect((again.json as { error: { message: string } }).error.message).toMatch(/^本户已于 .* 通过线上投票，每户只计一票$/);
  });

  it('a paper vote for the same household at the desk is refused too, and the household counts once', async () => {
    const { page } = staff;
    await page.goto(`${baseUrl}/consultations/${topicId}`);
    await page.getByTestId('consult-record').waitFor();
    const picker = page.getByTestId('consult-voter');
    await picker.click();
    await picker.locator('input').fill(residentName);
    const room = address.split(' ').slice(1).join(' ');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: room.split(' ')[0]! })
      .first()
      .click();
    await page.getByTestId('consult-option').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '南区自行车棚内' }).click();
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/api/consultations/${topicId}/votes`),
      ),
      page.getByTestId('consult-record-save').click(),
    ]);
    expect(response.status()).toBe(409);
    await page.locator('.ant-message').filter({ hasText: '每户只计一票' }).waitFor();
    await snap(page, '80-consult-desk-refused', true);
    const topic = VoteTopicDto.parse((await call(page, 'GET', `/api/consultations/${topicId}`)).json);
    expect([topic.votedCount, topic.byChannel.online, topic.byChannel.paper]).toEqual([1, 1, 0]);
  });

  it("the demo's closed 鸿福家园 parking vote shows its published result, both channels counted", async () => {
    const anping = await signedIn(baseUrl, 'anping-staff', password);
    actors.push(anping);
    const list = VoteTopicList.parse((await call(anping.page, 'GET', '/api/consultations')).json);
    const hongfu = list.items.find((c) => c.areaName === '鸿福家园' && c.kind === 'parking')!;
    expect([hongfu.votedCount, hongfu.byChannel.online, hongfu.byChannel.in_person, hongfu.byChannel.paper]).toEqual([349, 186, 42, 121]);
    await anping.page.goto(`${baseUrl}/consultations`);
    await anping.page.getByTestId('consult-table').filter({ hasText: '鸿福家园' }).waitFor();
    await snap(anping.page, '80-consult-list');
    await anping.page.goto(`${baseUrl}/consultations/${hongfu.id}`);
    await anping.page.getByTestId('consult-winner').waitFor();
    await anping.page.getByTestId('consult-ballots').waitFor();
    await snap(anping.page, '80-consult-hongfu-result', true);
  });
});
