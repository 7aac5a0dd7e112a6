import { VoteTopicDto, VoteTopicList } from '@linli/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, signedIn, storyActors } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const actors = storyActors('owners-vote');
const snap = (page: Page, name: string) => page.screenshot({ path: shot(name), fullPage: true, animations: 'disabled' });

async function getJson(page: Page, path: string): Promise<unknown> {
  return page.evaluate(async (p) => (await fetch(p)).json() as Promise<unknown>, path);
}

describe("an owners' vote (Civil Code art. 278): participation by area and by owners against the 2/3 lines", () => {
  it("the demo's closed 鸿福家园 renewal of the property company shows both bars reached and the result, on desktop and a 360 px phone", async () => {
    const staff = await signedIn(baseUrl, 'anping-staff', password);
    actors.push(staff);
    const list = VoteTopicList.parse(await getJson(staff.page, '/api/consultations'));
    const vote = list.items.find((c) => c.eligibility === 'owners')!;
    const topic = VoteTopicDto.parse(await getJson(staff.page, `/api/consultations/${vote.id}`));
    expect(topic.owners).toMatchObject({ areaReached: true, ownersReached: true });
    expect(topic.byChannel.online).toBeGreaterThan(0);
    expect(topic.byChannel.paper).toBeGreaterThan(0);
    await staff.page.goto(`${baseUrl}/consultations/${vote.id}`);
    await staff.page.getByTestId('consult-owners').waitFor();
    // the user's saved language may have been switched by an earlier spec: either wording says the line is reached
    expect(await staff.page.getByTestId('owners-area').textContent()).toMatch(/已达 2\/3|2\/3 reached/);
    expect(await staff.page.getByTestId('owners-count').textContent()).toMatch(/已达 2\/3|2\/3 reached/);
    expect(await staff.page.getByTestId('consult-winner').textContent()).toContain('同意续聘');
    await snap(staff.page, '118-owners-vote-desktop');

    const phone = await signedIn(baseUrl, 'anping-staff', password, { ...PHONE, viewport: { width: 360, height: 780 } });
    actors.push(phone);
    await phone.page.goto(`${baseUrl}/consultations/${vote.id}`);
    await phone.page.getByTestId('consult-owners').waitFor();
    await snap(phone.page, '119-owners-vote-phone');
  });
});
