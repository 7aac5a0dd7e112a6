import { ErrorBody } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, residents } from '../../db/schema/index.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildCommunityTree,
  buildHousehold,
  buildOrg,
  buildUser,
  signIn,
  useTestApp,
} from '../../testing/index.js';
import { escapeCell, streamWorkbook, zipEntryStreams } from './xlsx-stream.js';

const ctx = useTestApp();

async function sheet(res: { statusCode: number; rawPayload: Buffer; body: string }) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: (string | number | null)[][] = [];
  ws.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
  return rows;
}

describe('registry export', () => {
  let A: Tree;
  let B: Tree;
  let staff: Agent;
  let idNumber: string;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    B = await buildCommunityTree(ctx.t.db, A.street);
    const h = await buildHousehold(ctx.t.db, A.building, { members: 2, head: { name: '=HYPERLINK("http://x")', phone: '13812345678' } });
    idNumber = h.members[0]!.idNumber!;
    await ctx.t.db
      .update(residents)
      .set({ note: '+86 call me', tags: ['elderly_alone'] })
      .where(eq(residents.id, h.members[1]!.id));
    await buildHousehold(ctx.t.db, A.building, { members: 1, head: { name: '王五', residentType: 'floating' } });
    await buildHousehold(ctx.t.db, B.building, { members: 1, head: { name: '外社区' } });
    staff = await signIn(ctx.app, (await buildUser(ctx.t.db, 'community_staff', { areaId: A.community.id })).username, TEST_PASSWORD);
  });

  it('community_staff: can export the residents of their community, masked and safe against formulas, audited', async () => {
    const rows = await sheet(await staff.get('/api/exports/residents.xlsx'));
    expect(rows[0]).toContain('身份证号');
    const data = rows.slice(1);
    expect(data).toHaveLength(3);
    const text = JSON.stringify(data);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain('13812345678');
    expect(text).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(text).toContain('138****5678');
    expect(text).not.toContain('外社区');
    expect(data.some((r) => r.includes(`'=HYPERLINK("http://x")`))).toBe(true);
    expect(data.some((r) => r.includes("'+86 call me"))).toBe(true);
    expect(data.some((r) => r.includes('独居老人'))).toBe(true);
    const audits = await ctx.t.db.select().from(auditLog).where(eq(auditLog.action, 'registry.export'));
    expect(audits.at(-1)).toMatchObject({ entityType: 'residents', communityId: A.community.id, details: { rows: 3 } });
  });

  it('community_staff: can export with the list filters (type, tags) and in English', async () => {
    const floating = await sheet(await staff.get('/api/exports/residents.xlsx?residentType=floating'));
    expect(floating.slice(1).map((r) => r[4])).toEqual(['王五']);
    const tagged = await sheet(await staff.get('/api/exports/residents.xlsx?tags=elderly_alone'));
    expect(tagged).toHaveLength(2);
    const en = await sheet(
      await staff.request({ method: 'GET', url: '/api/exports/households.xlsx', headers: { 'x-linli-locale': 'en' } }),
    );
    expect(en[0]).toContain('Head of household');
    expect(en.slice(1)).toHaveLength(2);
    const [audit] = (await ctx.t.db.select().from(auditLog).where(eq(auditLog.action, 'registry.export'))).slice(-1);
    expect(audit?.details).toMatchObject({ rows: 2, filter: { status: 'active' } });
  });

  it("community_staff: cannot export another community's area (404)", async () => {
    const res = await staff.get(`/api/exports/residents.xlsx?areaId=${B.community.id}`);
    expect(res.statusCode).toBe(404);
    expect(ErrorBody.parse(res.json()).error.code).toBe('NOT_FOUND');
  });

  it('handler_staff: cannot export residents (403)', async () => {
    const org = await buildOrg(ctx.t.db, A.community);
    const handler = await signIn(ctx.app, (await buildUser(ctx.t.db, 'handler_staff', { orgId: org.id })).username, TEST_PASSWORD);
    expect((await handler.get('/api/exports/residents.xlsx')).statusCode).toBe(403);
    expect((await handler.get('/api/exports/households.xlsx')).statusCode).toBe(403);
  });
});

describe('streamed workbook', () => {
  it('escapes cells that a spreadsheet would run as formulas', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'ok', '张三'].map(escapeCell)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'ok',
      '张三',
    ]);
    expect(escapeCell(-5)).toBe(-5);
  });

  it('writes through the zip entry stream of exceljs 4.4.0 (the private stream the drain relies on)', async () => {
    const ws = new ExcelJS.stream.xlsx.WorkbookWriter({}).addWorksheet('x');
    expect(zipEntryStreams(ws)).toHaveLength(1);
    expect(typeof zipEntryStreams(ws)[0]!._writableState?.needDrain).toBe('boolean');
    async function* batches() {
      for (let b = 0; b < 5; b++) yield Array.from({ length: 1000 }, (_, i) => [`row ${b * 1000 + i}`, i]);
    }
    const chunks: Buffer[] = [];
    const out = streamWorkbook({ sheetName: 's', headers: ['a', 'b'], batches: batches() });
    for await (const c of out) chunks.push(c as Buffer);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(5001);
  });
});
