import { MediationCaseDto, OrderList, ResidentSearchItem, TimelineDto } from '@linli/contracts';
import { z } from 'zod';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { answered, choose, PHONE, signedIn, type Actor, storyActors } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const NOTES = `双方到场陈述，同意协商解决（e2e ${stamp}）`;
const TERMS = {
  facts: '申请人与被申请人系安平社区居民与物业服务企业。',
  matters: '楼道公共照明维修与物业费缴纳。',
  responsibility: '物业维修迟缓，业主拒交费用亦有不当。',
  agreed: `业主补缴物业费，物业七日内修复楼道照明（e2e ${stamp}）`,
  performance: '自签署之日起七日内履行，社区回访确认。',
};

const actors = storyActors('mediation-actor');
let staff: Actor;
let caseId = '';
let orderId = '';

const snap = (page: Page, name: string, fullPage = false) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });
const getJson = async (page: Page, path: string) => {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.ok(), path).toBe(true);
  return res.json() as Promise<unknown>;
};

describe('a dispute taken from an order into mediation: a session recorded, the agreement printed and signed, the result on the order', () => {
  it('community staff open a mediation case from an order of their community', async () => {
    staff = await signedIn(baseUrl, 'anping-staff', password);
    actors.push(staff);
    const { page } = staff;
    const orders = OrderList.parse(await getJson(page, '/api/orders?category=mediation&pageSize=1'));
    orderId = orders.items[0]!.id;
    const resident = z.object({ items: z.array(ResidentSearchItem) }).parse(await getJson(page, '/api/residents?pageSize=1')).items[0]!;

    await page.goto(`${baseUrl}/orders/${orderId}`);
    await page.getByTestId('order-open-mediation').click();
    await page.getByTestId('mediation-open-form').waitFor();
    await expect.poll(() => page.getByTestId('mediation-title').inputValue()).not.toBe('');
    const picker = page.getByTestId('mediation-applicant');
    await picker.click();
    await picker.locator('input').fill(resident.name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: resident.name }).first().click();
    await picker.filter({ hasText: resident.name }).waitFor();
    await page.getByTestId('mediation-respondent-org').fill('康居物业');
    await snap(page, '60-mediation-open-from-order', true);
    const res = await answered(page, 'POST', '/api/mediation/cases', () => page.getByTestId('mediation-submit').click());
    const dto = MediationCaseDto.parse(await res.json());
    caseId = dto.id;
    expect(dto.orderId).toBe(orderId);
    await page.waitForURL(`**/mediation/${caseId}`);
    await expect.poll(() => page.getByTestId('mediation-party').first().textContent()).toContain(resident.name);
  });

  it('the mediator records a session', async () => {
    const { page } = staff;
    await page.getByTestId('session-notes').fill(NOTES);
    await answered(page, 'POST', `/api/mediation/cases/${caseId}/sessions`, () => page.getByTestId('session-submit').click());
    await expect.poll(() => page.getByTestId('mediation-session').first().textContent()).toContain(NOTES);
  });

  it('the mediator drafts the agreement and prints it on A4 for signing', async () => {
    const { page } = staff;
    for (const [k, v] of Object.entries(TERMS)) await page.getByTestId(`terms-${k}`).fill(v);
    await answered(page, 'POST', `/api/mediation/cases/${caseId}/agreements`, () => page.getByTestId('agreement-save').click());
    await page.locator('[data-testid="agreement"][data-status="draft"]').waitFor();
    await snap(page, '61-mediation-case-draft', true);
    await page.getByTestId('agreement-print').click();
    const sheet = page.getByTestId('agreement-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain(TERMS.agreed);
    await page.emulateMedia({ media: 'print' });
    await snap(page, '62-mediation-agreement-print', true);
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
    await page.goBack();
  });

  it('once signed the agreement cannot be edited, and closing sends the result to the order', async () => {
    const { page } = staff;
    await page.getByTestId('agreement-sign').click();
    await answered(page, 'POST', /\/sign$/, () => page.locator('.ant-modal-confirm .ant-btn-primary').click());
    await page.locator('[data-testid="agreement"][data-status="signed"]').waitFor();
    // the signed version shows as text; the only form left is the one drafting a superseding version
    expect(await page.locator('[data-testid="agreement"][data-status="signed"] textarea').count()).toBe(0);
    expect(await page.getByTestId('agreement-form').count()).toBe(1);
    await choose(page, page.getByTestId('close-outcome'), '达成协议');
    await page.getByTestId('close-summary').fill('双方签署调解协议');
    await answered(page, 'POST', `/api/mediation/cases/${caseId}/close`, () => page.getByTestId('close-submit').click());
    await page.locator('[data-testid="mediation-status"][data-status="agreed"]').first().waitFor();
    const timeline = TimelineDto.parse(await getJson(page, `/api/orders/${orderId}/timeline`)).items;
    const caseNo = MediationCaseDto.parse(await getJson(page, `/api/mediation/cases/${caseId}`)).caseNo;
    expect(timeline.map((e) => e.text).join('\n')).toContain(`${caseNo} 已结案（达成协议）`);
    await page.goto(`${baseUrl}/orders/${orderId}`);
    await page.getByText(`${caseNo} 已结案`).first().waitFor();
    await snap(page, '63-mediation-result-on-order', true);
  });

  it('the case reads on a phone', async () => {
    const phone = await signedIn(baseUrl, 'anping-staff', password, { ...PHONE, viewport: { width: 360, height: 780 } });
    actors.push(phone);
    await phone.page.goto(`${baseUrl}/mediation/${caseId}`);
    await phone.page.getByTestId('mediation-party').first().waitFor();
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await snap(phone.page, '64-mediation-case-phone', true);
  });

  it('a resident finds the lawyers on duty in the portal on a phone', async () => {
    const resident = await signedIn(baseUrl, 'resident', password, { ...PHONE, viewport: { width: 360, height: 780 } });
    actors.push(resident);
    const { page } = resident;
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('portal-legal').click();
    await page.getByTestId('legal-roster').waitFor();
    await expect.poll(() => page.getByTestId('legal-slot').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('legal-roster').textContent()).toContain('律师事务所');
    await snap(page, '65-legal-roster-portal-phone', true);
  });

  it("staff see which company serves each of Anping's compounds, and which have none", async () => {
    const { page } = staff;
    await page.goto(`${baseUrl}/compounds/property`);
    const table = page.getByTestId('property-table');
    await table.getByText('鸿福家园').waitFor();
    const text = (await table.textContent()) ?? '';
    for (const name of ['鸿福家园', '佳竹苑', '竹西新村', '金色花园', '安平物业', '康居物业', '无物业']) expect(text).toContain(name);
    await snap(page, '66-compound-property', true);
  });
});
