import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { PHONE, answered, signedIn, type Actor } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const PHONE_360 = { viewport: { width: 360, height: 780 }, options: PHONE.options };

const actors: Actor[] = [];
afterAll(async () => {
  for (const a of actors) await a.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [i, a] of actors.entries()) await a.page.screenshot({ path: shot(`failed-projects-${i}`) }).catch(() => undefined);
});

const snap = (page: Page, name: string, fullPage = false) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });

/** A JSON call as the signed-in user of `page` (its cookie, the CSRF token of /api/me). */
async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as T };
    },
    { method, url: path, body },
  );
}

const MEAL = '安平社区长者助餐惠民实事项目';
const LEGAL = '安平社区法律援助与矛盾调解服务项目';
let legalId = '';
let unassignedId = '';
let evaluatorPage: Page;

describe('government-purchased service projects and their third-party evaluation', () => {
  it('the community staff see Anping’s projects with progress, live KPIs and evidence, and record one the evaluator is not assigned to', async () => {
    const staff = await signedIn(baseUrl, 'anping-staff', password);
    actors.push(staff);
    const { page } = staff;
    await page.goto(`${baseUrl}/projects`);
    const cards = page.getByTestId('project-card');
    await cards.filter({ hasText: MEAL }).waitFor();
    expect(await cards.count()).toBe(2);
    await snap(page, '120-projects-staff');
    await cards.filter({ hasText: MEAL }).click();
    await page.getByTestId('project-kpi').first().waitFor();
    await page.getByText('助餐点运营月报').waitFor();
    await snap(page, '121-project-detail-staff', true);
    const anping = (await call<{ items: { id: string; provider: { id: string } }[] }>(page, 'GET', '/api/projects')).json.items[0]!;
    const me = await call<{ scopes: { areaId: string | null }[] }>(page, 'GET', '/api/me');
    const buyerAreaId = me.json.scopes[0]!.areaId!;
    const created = await call<{ id: string }>(page, 'POST', '/api/projects', {
      buyerAreaId,
      providerOrgId: anping.provider.id,
      title: '安平社区青少年暑期托管项目',
      category: 'purchase',
      contractNo: `E2E-${Date.now()}`,
      startsOn: '2025-07-01',
      endsOn: '2025-08-31',
      budgetCents: 5_000_000,
    });
    expect(created.status).toBe(201);
    unassignedId = created.json.id;
  });

  it('the evaluator signs in, sees only the two projects assigned, and cannot open the third (404)', async () => {
    const evaluator = await signedIn(baseUrl, 'evaluator', password);
    actors.push(evaluator);
    const { page } = evaluator;
    evaluatorPage = page;
    await page.goto(`${baseUrl}/projects`);
    const cards = page.getByTestId('project-card');
    await cards.filter({ hasText: LEGAL }).waitFor();
    expect((await cards.allInnerTexts()).map((t) => (t.includes(MEAL) ? MEAL : t.includes(LEGAL) ? LEGAL : t)).sort()).toEqual(
      [MEAL, LEGAL].sort(),
    );
    await snap(page, '122-projects-evaluator');
    expect((await call(page, 'GET', `/api/projects/${unassignedId}`)).status).toBe(404);
    await page.goto(`${baseUrl}/projects/${unassignedId}`);
    await page.getByRole('alert').waitFor();
  });

  it('the evaluator scores the project awaiting evaluation on its scorecard; the result and grade appear and the form is gone', async () => {
    const page = evaluatorPage;
    await page.goto(`${baseUrl}/projects`);
    await page.getByTestId('project-card').filter({ hasText: LEGAL }).click();
    const form = page.getByTestId('evaluate-form');
    await form.waitFor();
    legalId = new URL(page.url()).pathname.split('/').pop()!;
    for (const [key, score] of [
      ['goals', 85],
      ['quality', 88],
      ['satisfaction', 90],
      ['funds', 80],
    ] as const)
      await page.getByTestId(`score-${key}`).fill(String(score));
    await page.getByTestId('evaluation-comment').fill('法律服务站运行规范，建议加强普法宣传。');
    // 85×.40 + 88×.25 + 90×.20 + 80×.15 = 86
    await expect.poll(() => page.getByTestId('weighted-total').innerText()).toContain('86');
    await snap(page, '123-evaluation-form', true);
    await page.getByTestId('evaluation-submit').click();
    await answered(page, 'POST', `/api/projects/${legalId}/evaluations`, () => page.locator('.ant-popconfirm .ant-btn-primary').click());
    await expect.poll(() => page.getByTestId('project-result').innerText()).toContain('86');
    expect(await page.getByTestId('project-result').innerText()).toContain('良好');
    expect(await form.count()).toBe(0);
    await snap(page, '124-evaluation-submitted', true);
    const again = await call(page, 'POST', `/api/projects/${legalId}/evaluations`, {
      scores: ['goals', 'quality', 'satisfaction', 'funds'].map((key) => ({ key, score: 60 })),
    });
    expect(again.status).toBe(409);
    const edit = await call(page, 'POST', `/api/projects/${legalId}/notes`, { title: '评估人补充' });
    expect(edit.status).toBe(403);
  });

  it('the evaluation report prints on A4', async () => {
    const page = evaluatorPage;
    await page.goto(`${baseUrl}/projects/${legalId}/report`);
    const report = page.getByTestId('project-report');
    await report.waitFor();
    await expect.poll(() => page.getByTestId('report-conclusion').innerText()).toContain('86');
    await snap(page, '125-evaluation-report', true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-button').isVisible()).toBe(false);
    await snap(page, '126-evaluation-report-print', true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  });

  it('the street reads a provider’s history as a chart, and a phone shows the project readably', async () => {
    const street = await signedIn(baseUrl, 'street', password);
    actors.push(street);
    await street.page.goto(`${baseUrl}/projects/${legalId}`);
    await street.page.getByTestId('evaluation-row').first().waitFor();
    await street.page.locator('.ant-descriptions a').first().click();
    await street.page.getByTestId('org-history-chart').waitFor();
    await snap(street.page, '127-provider-history');
    const phone = await signedIn(baseUrl, 'evaluator', password, PHONE_360);
    actors.push(phone);
    await phone.page.goto(`${baseUrl}/projects/${legalId}`);
    await phone.page.getByTestId('evaluation-panel').waitFor();
    const right = await phone.page.evaluate(() =>
      Math.max(...Array.from(document.querySelectorAll('.projects-page *')).map((e) => e.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(360);
    await snap(phone.page, '128-project-evaluator-phone', true);
  });
});
