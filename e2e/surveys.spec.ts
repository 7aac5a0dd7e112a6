import { SurveyDto, SurveyList, SurveyRanking, VoteTopicDto } from '@linli/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, answered, signedIn, type Actor, storyActors } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const PHONE_360 = { viewport: { width: 360, height: 780 }, options: PHONE.options };
const actors = storyActors('surveys');
let resident: Actor;
let openSurvey: SurveyDto;

const snap = (page: Page, name: string, fullPage = true) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });
const getJson = async (page: Page, path: string) => (await page.request.get(`${baseUrl}${path}`)).json() as Promise<unknown>;

describe('property service quality: the street ranks the compounds, a resident answers on a phone once', () => {
  it('the street supervisor sees the ranking of the two compounds and their scores over the year', async () => {
    const street = await signedIn(baseUrl, 'street', password);
    actors.push(street);
    const ranking = SurveyRanking.parse(await getJson(street.page, '/api/surveys/ranking'));
    expect(ranking.periods).toHaveLength(5);
    expect(ranking.trend.map((t) => t.compoundName).sort()).toEqual(['绿扬新苑东区', '绿扬新苑西区']);
    await street.page.goto(`${baseUrl}/surveys`);
    await street.page.getByTestId('survey-ranking').filter({ hasText: '绿扬新苑西区' }).waitFor();
    await street.page.getByTestId('survey-trend-chart').waitFor();
    await snap(street.page, '110-surveys-ranking');
    await street.page.getByTestId('survey-period').click();
    await street.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: ranking.periods[0]! }).click();
    await street.page.getByTestId('survey-ranking').filter({ hasText: '绿扬物业' }).waitFor();
    await snap(street.page, '111-surveys-ranking-first-quarter');
  });

  it("the community admin reads a closed quarter's score: both parts, the means and comments without names", async () => {
    const staff = await signedIn(baseUrl, 'lvyang-staff', password);
    actors.push(staff);
    const list = SurveyList.parse(await getJson(staff.page, '/api/surveys?pageSize=20'));
    const closed = list.items.find((s) => s.status === 'closed' && s.compoundName === '绿扬新苑西区')!;
    expect(closed.score?.combined).not.toBeNull();
    await staff.page.goto(`${baseUrl}/surveys/${closed.id}`);
    await staff.page.getByTestId('survey-score').waitFor();
    await staff.page.getByTestId('survey-means-chart').waitFor();
    await snap(staff.page, '112-survey-detail');
  });

  it('the resident rates the property service on a 360 px phone; the household cannot answer twice', async () => {
    resident = await signedIn(baseUrl, 'resident', password, PHONE_360);
    actors.push(resident);
    const { page } = resident;
    await page.goto(`${baseUrl}/portal`);
    await page.getByTestId('portal-surveys').click();
    await page.getByTestId('portal-survey-card').first().waitFor();
    await snap(page, '113-portal-surveys-360');
    const mine = SurveyList.parse(await getJson(page, '/api/surveys'));
    openSurvey = mine.items.find((s) => s.status === 'open')!;
    expect(openSurvey.abilities.answer).toBe(true);
    await page.getByTestId('portal-survey-card').filter({ hasText: openSurvey.title }).click();
    await page.getByTestId('portal-survey-submit').waitFor();
    // an incomplete answer is stopped on the form, the missing question marked
    await page.getByTestId('portal-survey-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    const stars = { cleaning: 4, security: 5, greening: 4, repairs: 3, attitude: 5 };
    for (const [key, n] of Object.entries(stars))
      await page
        .getByTestId(`survey-rate-${key}`)
        .locator('li')
        .nth(n - 1)
        .click();
    await page.getByTestId('survey-text-comment').fill('希望电梯维修再快一些');
    await snap(page, '114-portal-survey-form-360');
    await answered(page, 'POST', `/api/surveys/${openSurvey.id}/answers`, () => page.getByTestId('portal-survey-submit').click());
    await page.getByTestId('portal-survey-done').waitFor();
    expect(await page.getByTestId('portal-survey-submit').count()).toBe(0);
    await snap(page, '115-portal-survey-done-360');
    const me = (await getJson(page, '/api/me')) as { csrfToken: string };
    const again = await page.request.post(`${baseUrl}/api/surveys/${openSurvey.id}/answers`, {
      data: { ratings: stars },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/每户每期只答一次$/);
  });
});

describe("a consultation's result reaches the residents concerned when it is published", () => {
  it('the community admin publishes a closed topic; the resident is notified and reads the result on the phone', async () => {
    const staff = await signedIn(baseUrl, 'lvyang-staff', password);
    actors.push(staff);
    const csrf = ((await getJson(staff.page, '/api/me')) as { csrfToken: string }).csrfToken;
    const post = (path: string, data: unknown) => staff.page.request.post(`${baseUrl}${path}`, { data, headers: { 'x-csrf-token': csrf } });
    const title = `楼道堆物清理方式（e2e ${Date.now()}）`;
    const opened = await post('/api/consultations', {
      title,
      kind: 'other',
      eligibility: 'compound_households',
      areaId: openSurvey.compoundId,
      options: [
        { key: 'together', label: '统一清理日集中清理' },
        { key: 'self', label: '各户自行清理' },
      ],
      quorum: 1,
      closesAt: new Date(Date.now() + 4_000).toISOString(),
    });
    expect(opened.status()).toBe(200);
    const topic = VoteTopicDto.parse(await opened.json());
    const me = (await getJson(resident.page, '/api/me')) as { csrfToken: string };
    const vote = await resident.page.request.post(`${baseUrl}/api/consultations/${topic.id}/votes`, {
      data: { optionKey: 'together' },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(vote.status()).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(topic.closesAt) - Date.now()) + 500));
    const { page } = resident;
    await page.goto(`${baseUrl}/portal`);
    expect((await post(`/api/consultations/${topic.id}/publish`, {})).status()).toBe(200);
    await page.getByTestId('notification-bell').click();
    await page
      .getByTestId('notification-list')
      .filter({ hasText: `议事协商结果已公布：${title}` })
      .waitFor();
    await snap(page, '116-consult-result-notified-360', false);
    await page.goto(`${baseUrl}/portal/votes/${topic.id}`);
    await page.getByTestId('portal-vote-result').filter({ hasText: '统一清理日集中清理' }).waitFor();
    await snap(page, '117-consult-result-portal-360');
  });
});
