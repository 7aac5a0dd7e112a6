import type { CatalogueDto, CreatedOpen311Key, CreatedWebhook, NotificationList, OrderDto, ServiceDto } from '@linli/contracts';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { shot } from './browser.js';
import { answered, choose, settled, signedIn, type Actor } from './orders-actors.js';

const baseUrl = inject('baseUrl');
const password = inject('demoPassword');
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const MARKER = `（e2e 说明 ${stamp}）`;
const KEY_NAME = `e2e 热线 ${stamp}`;
const HOOK_NAME = `e2e hook ${stamp}`;

const actors = new Map<string, Actor>();
/** One browser per user, signed in once and kept for the later steps. */
async function as(username: string): Promise<Page> {
  let actor = actors.get(username);
  if (!actor) {
    actor = await signedIn(baseUrl, username, password);
    actors.set(username, actor);
  }
  return actor.page;
}
afterAll(async () => {
  for (const a of actors.values()) await a.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [name, a] of actors) await a.page.screenshot({ path: shot(`failed-supermarket-${name}`) }).catch(() => undefined);
});

/** The page catches up with the server after a request: wait for it, but not for ever. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const snap = (page: Page, name: string, fullPage = false) => page.screenshot({ path: shot(name), fullPage, animations: 'disabled' });

/** A JSON call from inside the page, with its session cookie and CSRF token, as the app itself makes them. */
async function apiCall<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    { method, url: path, body },
  );
}

/** The first cell of each row of an antd table (skipping antd's measure row). */
const firstColumn = (table: Locator) =>
  table.locator('.ant-table-tbody > tr.ant-table-row > td:first-child').evaluateAll((tds) => tds.map((td) => td.textContent?.trim() ?? ''));

/** Resolves once an ECharts canvas has stopped changing for a few frames: its grow-in animation has run. */
async function chartDrawn(chart: Locator): Promise<void> {
  await chart.locator('canvas').evaluate(
    (c: HTMLCanvasElement) =>
      new Promise<void>((resolve) => {
        let last = '';
        let same = 0;
        const check = () => {
          const now = c.toDataURL();
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 3) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

/** The modal holding this form. */
const modalOf = (page: Page, formTestId: string) => page.locator('.ant-modal').filter({ has: page.getByTestId(formTestId) });

describe('the e-service supermarket pages in the console', () => {
  it('figures: six rates, the monthly chart, grouping by handler, and the Excel export', async () => {
    const page = await as('street');
    await page.goto(`${baseUrl}/figures`);
    await poll(() => page.getByTestId('page-title').innerText()).toBe('工单统计');
    const kpis = page.locator('[data-testid^="kpi-"]');
    await poll(() => kpis.count()).toBe(6);
    for (const text of await kpis.allInnerTexts()) expect(text).toMatch(/\d{1,3}\.\d%/);

    // the monthly chart is drawn on a canvas of its own size, and something is painted on it
    const canvas = page.getByTestId('figures-monthly-chart').locator('canvas');
    await canvas.waitFor();
    await poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) painted++;
        return c.width > 300 && c.height > 200 && painted > 1000;
      }),
    ).toBe(true);

    const table = page.getByTestId('figures-table');
    await poll(async () => (await firstColumn(table)).length).toBeGreaterThan(3);
    const byService = await firstColumn(table);
    expect(byService).toContain('水电维修');
    await page.getByTestId('figures-compare-chart').locator('canvas').waitFor();
    await chartDrawn(page.getByTestId('figures-monthly-chart'));
    await chartDrawn(page.getByTestId('figures-compare-chart'));
    await snap(page, '40-figures', true);

    await answered(page, 'GET', '/api/figures', () => page.getByTestId('figures-group-by').getByText('处置单位', { exact: true }).click());
    await poll(() => firstColumn(table)).not.toEqual(byService);
    const byHandler = await firstColumn(table);
    expect(byHandler).toContain('绿扬物业');
    expect(byHandler).not.toContain('水电维修');
    await chartDrawn(page.getByTestId('figures-compare-chart'));
    await snap(page, '41-figures-by-handler', true);

    // the export follows the grouping, and answers a real workbook to this session
    const href = await page.getByTestId('figures-export').getAttribute('href');
    expect(href).toMatch(/^\/api\/figures\/export\.xlsx\?.*groupBy=handler/);
    const res = await page.request.get(`${baseUrl}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = await res.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
    expect(cells).toContain('绿扬物业');
    // without the session the export is refused
    const anonymous = await fetch(`${baseUrl}${href}`);
    expect(anonymous.status).toBe(401);
  });

  it('catalogue: six tabs; the street edits a service description and restores it; the community admin only reads', async () => {
    const page = await as('street');
    await page.goto(`${baseUrl}/catalogue`);
    await poll(() => page.getByTestId('page-title').innerText()).toBe('服务目录');
    const tabs = page.getByTestId('catalogue-tabs').locator('.ant-tabs-tab');
    await poll(() => tabs.count()).toBe(6);
    for (const label of await tabs.allInnerTexts()) expect(label).toMatch(/\(\d+\)$/);

    const before = (await apiCall<CatalogueDto>(page, 'GET', '/api/catalogue')).body;
    const service: ServiceDto = before.categories.find((c) => c.code === 'property')!.services[0]!;
    const item = page.getByTestId(`service-${service.code}`);
    await item.waitFor();
    await snap(page, '42-catalogue-street');

    const editDescription = async (text: string) => {
      await item.getByTestId(`service-edit-${service.code}`).click();
      const description = page.getByTestId('service-description');
      await description.waitFor();
      await settled(page.locator('.ant-drawer'));
      await description.fill(text);
      return description;
    };
    await editDescription(`${service.description}${MARKER}`);
    await snap(page, '43-catalogue-editor');
    await answered(page, 'PATCH', `/api/services/${service.id}`, () => page.getByTestId('service-save').click());
    await page.getByTestId('service-description').waitFor({ state: 'detached' });
    await poll(() => item.innerText()).toContain(MARKER);

    await editDescription(service.description);
    await answered(page, 'PATCH', `/api/services/${service.id}`, () => page.getByTestId('service-save').click());
    await page.getByTestId('service-description').waitFor({ state: 'detached' });
    await poll(() => item.innerText()).not.toContain(MARKER);
    // the round trip through the editor leaves the service as it was, fields and time limits included
    const after = (await apiCall<CatalogueDto>(page, 'GET', '/api/catalogue')).body;
    const restored = after.categories.flatMap((c) => c.services).find((s) => s.id === service.id)!;
    const comparable = ({ updatedAt: _u, ...rest }: ServiceDto & { updatedAt?: unknown }) => rest;
    expect(comparable(restored)).toEqual(comparable(service));

    const admin = await as('lvyang-staff');
    await admin.goto(`${baseUrl}/catalogue`);
    await poll(() => admin.getByTestId('page-title').innerText()).toBe('服务目录');
    await admin.getByTestId(`service-${service.code}`).waitFor();
    expect(await admin.getByTestId('catalogue-tabs').locator('.ant-tabs-tab').count()).toBe(6);
    expect(await admin.locator('[data-testid^="service-edit-"]').count()).toBe(0);
    expect(await admin.getByTestId('service-create').count()).toBe(0);
    await snap(admin, '44-catalogue-read-only');
  });

  it('Open311: the demo key is listed; a new key works at once and answers 403 once revoked', async () => {
    const page = await as('street');
    await page.goto(`${baseUrl}/integrations/open311`);
    const table = page.getByTestId('open311-keys-table');
    await table.locator('tr').filter({ hasText: '演示客户端 (demo client)' }).waitFor();

    await page.getByTestId('open311-key-create').click();
    const modal = modalOf(page, 'open311-key-form');
    await settled(modal);
    await page.getByTestId('open311-key-name').fill(KEY_NAME);
    await choose(page, page.getByTestId('open311-key-community'), '安平社区');
    const created = await answered(page, 'POST', '/api/open311/keys', () => modal.locator('.ant-modal-footer .ant-btn-primary').click());
    const made = (await created.json()) as CreatedOpen311Key;
    const plain = page.getByTestId('open311-plain-key');
    await plain.waitFor();
    expect((await plain.locator('code').innerText()).trim()).toBe(made.key);
    expect(made.key.startsWith(made.prefix)).toBe(true);
    await settled(page.locator('.ant-modal').filter({ has: plain }));
    await snap(page, '45-open311-key-once');

    const services = await fetch(`${baseUrl}/open311/v2/services.json?api_key=${encodeURIComponent(made.key)}`);
    expect(services.status).toBe(200);
    const list = (await services.json()) as { service_code: unknown }[];
    expect(list.length).toBeGreaterThan(10);
    for (const s of list) expect(typeof s.service_code).toBe('string');

    await page.getByTestId('open311-plain-key-done').click();
    await plain.waitFor({ state: 'detached' });
    const row = table.locator('tr').filter({ hasText: KEY_NAME });
    await poll(() => row.innerText()).toContain('安平社区');
    expect(await row.innerText()).toContain(made.prefix);
    // it has been used once, just now
    await page.reload();
    await poll(() => row.innerText()).not.toContain('从未使用');

    await row.getByTestId(`open311-revoke-${made.prefix}`).click();
    const confirm = page.locator('.ant-modal-confirm');
    await settled(confirm);
    expect(await confirm.innerText()).toContain(KEY_NAME);
    await answered(page, 'POST', `/api/open311/keys/${made.id}/revoke`, () => confirm.locator('.ant-btn-dangerous').click());
    await poll(() => row.innerText()).toContain('已停用');
    expect(await row.getByTestId(`open311-revoke-${made.prefix}`).count()).toBe(0);
    await snap(page, '46-open311-revoked', true);

    // the curl example's copy button sits inside its code block
    const curl = await page.getByTestId('open311-curl').boundingBox();
    const copy = await page.getByTestId('open311-curl-copy').boundingBox();
    expect(copy!.x).toBeGreaterThan(curl!.x);
    expect(copy!.x + copy!.width).toBeLessThan(curl!.x + curl!.width);
    expect(copy!.y).toBeGreaterThanOrEqual(curl!.y);
    expect(copy!.y + copy!.height).toBeLessThan(curl!.y + curl!.height);

    const refused = await fetch(`${baseUrl}/open311/v2/services.json?api_key=${encodeURIComponent(made.key)}`);
    expect(refused.status).toBe(403);
  });

  it('webhooks: the street registers a hook for two events; the secret is shown once and the hook is listed', async () => {
    const page = await as('street');
    await page.goto(`${baseUrl}/integrations/webhooks`);
    await poll(() => page.getByTestId('page-title').innerText()).toBe('Webhook 推送');
    await page.getByTestId('webhook-create').click();
    const modal = modalOf(page, 'webhook-form');
    await settled(modal);
    await page.getByTestId('webhook-name').fill(HOOK_NAME);
    await page.getByTestId('webhook-url').fill('http://example.invalid/hook');
    // the street is the only area the street supervisor has, so it comes chosen
    await poll(() => page.getByTestId('webhook-area').innerText()).toContain('竹西街道');

    const events = page.getByTestId('webhook-events');
    const tags = events.locator('.ant-select-selection-item');
    await poll(() => tags.count()).toBeGreaterThan(2);
    while ((await tags.count()) > 0) await tags.first().locator('.ant-select-selection-item-remove').click();
    // some twenty kinds in a virtual list: find each by typing its name
    await events.click();
    const dropdown = page.locator('.ant-select-dropdown:visible');
    await settled(dropdown);
    for (const name of ['办结', '结案']) {
      await events.locator('input').fill(name);
      await dropdown
        .locator('.ant-select-item-option')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .click();
    }
    await poll(() => tags.allInnerTexts()).toEqual(['办结', '结案']);
    await page.keyboard.press('Escape');
    await snap(page, '47-webhook-form');

    const created = await answered(page, 'POST', '/api/webhooks', () => modal.locator('.ant-modal-footer .ant-btn-primary').click());
    const hook = (await created.json()) as CreatedWebhook;
    expect(hook.events).toEqual(['handle', 'close']);
    expect(hook.url).toBe('http://example.invalid/hook');
    const secret = page.getByTestId('webhook-secret');
    await secret.waitFor();
    expect((await secret.locator('code').innerText()).trim()).toBe(hook.secret);
    expect(hook.secret.length).toBeGreaterThanOrEqual(32);
    await settled(page.locator('.ant-modal').filter({ has: secret }));
    await snap(page, '48-webhook-secret-once');

    await page.getByTestId('webhook-secret-done').click();
    await secret.waitFor({ state: 'detached' });
    const row = page.getByTestId('webhooks-table').locator('tr').filter({ hasText: HOOK_NAME });
    await row.waitFor();
    const text = await row.innerText();
    for (const part of ['http://example.invalid/hook', '竹西街道', '办结', '结案', '启用']) expect(text).toContain(part);
    // the row's actions are all in view, however wide the table gets
    const tableBox = (await page.getByTestId('webhooks-table').boundingBox())!;
    const deleteBox = (await row.locator('.ant-btn-dangerous').boundingBox())!;
    expect(deleteBox.x + deleteBox.width).toBeLessThanOrEqual(tableBox.x + tableBox.width);
    // the secret is never shown again
    expect(await page.locator('body').innerText()).not.toContain(hook.secret);
    await snap(page, '49-webhooks-listed', true);
  });

  it('notifications: the desk’s bell hears of a new order placed by a resident, live', async () => {
    const page = await as('lvyang-staff');
    await page.goto(`${baseUrl}/orders/desk`);
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    await bell.click();
    const list = page.getByTestId('notification-list');
    await list.waitFor();
    await settled(page.locator('.ant-popover:visible'));
    const shown = async () => (await list.locator('[data-testid^="notification-"]:not([data-testid=notification-list])').count()) > 0;
    // whatever the demo left there, a new order placed now must reach this desk
    await snap(page, '50-notifications-before');
    const unreadBefore = (await apiCall<NotificationList>(page, 'GET', '/api/notifications?pageSize=1')).body.unread;
    const toDispatch = async () => Number(await page.getByTestId('desk-tab-placed').locator('.ant-badge-count').getAttribute('title'));
    await poll(toDispatch).toBeGreaterThan(0);
    const toDispatchBefore = await toDispatch();

    const resident = await as('resident');
    const catalogue = (await apiCall<CatalogueDto>(resident, 'GET', '/api/catalogue')).body;
    const service = catalogue.categories
      .flatMap((c) => c.services)
      .find((s) => s.active && s.category === 'property' && s.fields.every((f) => !f.required))!;
    expect(service).toBeDefined();
    const placed = await apiCall<OrderDto>(resident, 'POST', '/api/orders', {
      serviceId: service.id,
      description: `楼道灯不亮了，晚上看不清台阶（e2e ${stamp}）`,
      intake: { channel: 'portal' },
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const orderNo = placed.body.orderNo;

    // the outbox job tells the desk within seconds, and the open list takes it from the live stream
    const item = list.locator('.ant-list-item').filter({ hasText: orderNo });
    await expect.poll(() => item.count(), { timeout: 30_000 }).toBe(1);
    expect(await item.innerText()).toContain(`工单 ${orderNo}（${service.name}）新工单待派单`);
    expect(await shown()).toBe(true);
    await poll(() => bell.getAttribute('aria-label')).toBe(`通知 · ${unreadBefore + 1} 条未读`);
    // the notification also refreshes the desk behind it: one more order to dispatch, without a reload
    await poll(toDispatch).toBe(toDispatchBefore + 1);
    await settled(page.locator('.ant-popover:visible'));
    await snap(page, '51-notifications-new-order');

    await item.click();
    await page.waitForURL(`**/orders/${placed.body.id}`);
    await poll(() => page.getByTestId('page-title').innerText()).toBe(orderNo);
  });
});
