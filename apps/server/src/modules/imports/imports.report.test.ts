import fs from 'node:fs';
import { ImportDto } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flats } from '../../db/schema/index.js';
import { TEST_PASSWORD, buildArea, buildCommunityTree, buildHousehold, buildUser, signIn, useTestApp } from '../../testing/index.js';
import { type CellInput, addFlats, makeId, settled, tempDataDir, upload, xlsxBuffer } from './test-kit.js';

const dataDir = tempDataDir();
const ctx = useTestApp({ dataDir });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const HEADER = ['楼栋', '单元', '房号', '户主姓名', '姓名', '与户主关系', '性别', '身份证号', '出生日期', '联系电话', '特殊人群'];
const wide = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const HEAD = makeId('19650312', 13);

describe('dry-run report', () => {
  let report: ImportDto['report'];
  let otherId: string;
  let neighbourId: string;
  beforeAll(async () => {
    const A = await buildCommunityTree(ctx.t.db);
    const b1 = await buildArea(ctx.t.db, 'building', A.compound, { name: '1幢', gridId: A.grid.id });
    await addFlats(ctx.t.db, b1, 1, 20, 1);
    otherId = (await buildHousehold(ctx.t.db, (await buildCommunityTree(ctx.t.db)).building)).members[0]!.idNumber!;
    const [top] = await ctx.t.db
      .select()
      .from(flats)
      .where(and(eq(flats.buildingId, b1.id), eq(flats.flatNo, '2001')));
    neighbourId = (await buildHousehold(ctx.t.db, b1, { flatId: top!.id })).members[0]!.idNumber!;
    const flat = (n: number, name: string, extra: Partial<Record<string, CellInput>> = {}): CellInput[] => {
      const v = { 楼栋: '1幢', 单元: 1, 房号: `${n}01`, 户主姓名: name, 姓名: name, 与户主关系: '户主', ...extra };
      return HEADER.map((h) => (v as Record<string, CellInput>)[h] ?? null);
    };
    const rows: CellInput[][] = [
      HEADER,
      flat(1, '甲', { 身份证号: HEAD }), // 2: fine
      flat(2, '乙', { 身份证号: `${HEAD.slice(0, 17)}${HEAD[17] === '1' ? '2' : '1'}` }), // 3: check digit
      flat(3, '丙', { 出生日期: '2021-02-30' }), // 4: impossible date
      flat(4, '丁', { 身份证号: HEAD }), // 5: duplicate of row 2
      flat(5, '戊', { 楼栋: '99幢' }), // 6: unknown building
      flat(6, '己', { 房号: '9999' }), // 7: unknown flat
      flat(7, '庚', { 身份证号: wide(makeId('19800101', 31)), 联系电话: ' １３８ １２３４ ５６７８ ' }), // 8: full-width, warnings only
      flat(8, '辛', { 身份证号: makeId('19800101', 42), 性别: '男' }), // 9: sex mismatch
      flat(9, '壬', { 身份证号: makeId('19800101', 51), 出生日期: '1980-01-02' }), // 10: birth date mismatch
      flat(10, '癸', { 身份证号: Number('321003198001010131') }), // 11: ID stored as a number
      flat(11, '子', { 身份证号: makeId('19800101', 71), 出生日期: 29221 }), // 12: Excel serial, fine
      flat(12, '丑', { 身份证号: makeId('20200105', 81), 出生日期: '2020年1月5日' }), // 13: text date, fine
      flat(13, '寅', { 联系电话: '12345' }), // 14: phone
      flat(14, '卯', { 特殊人群: '外星人' }), // 15: unknown tag
      flat(15, '辰', { 身份证号: otherId }), // 16: registered in another community
      flat(16, '巳', { 出生日期: 'yesterday' }), // 17: date format
      flat(17, '午', { 身份证号: neighbourId }), // 18: registered in another household here
    ];
    const u = await buildUser(ctx.t.db, 'community_admin', { areaId: A.community.id });
    const agent = await signIn(ctx.app, u.username, TEST_PASSWORD);
    const job = ImportDto.parse((await upload(agent, A.community.id, await xlsxBuffer(rows))).json());
    await agent.post(`/api/imports/${job.id}/dry-run`, {});
    report = (await settled(agent, job.id)).report;
  });

  const at = (row: number) => report!.errors.filter((e) => e.row === row).map((e) => `${e.column}: ${e.problem}`);

  it('names the row as Excel shows it, the column header and the problem in Chinese', () => {
    expect(at(3)).toEqual(['身份证号: 身份证号校验位不对，可能有数字输错']);
    expect(at(4)).toEqual(['出生日期: 日期不存在']);
    expect(at(5)).toEqual(['身份证号: 与第 2 行的身份证号重复']);
    expect(at(6)).toEqual(['楼栋: 本社区没有楼栋“99幢”，请先在区域管理中添加']);
    expect(at(7)).toEqual(['房号: 1幢没有1单元9999室（可选择“自动创建缺少的房屋”）']);
    expect(at(9)).toEqual(['性别: 性别与身份证号不符（身份证号为女）']);
    expect(at(10)).toEqual(['出生日期: 出生日期与身份证号不符（身份证号为 1980-01-01）']);
    expect(at(11)).toEqual(['身份证号: 身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”后重新填写']);
    expect(at(14)).toEqual(['联系电话: 电话号码格式不对（手机号为11位）']);
    expect(at(15)).toEqual(['特殊人群: 没有名为“外星人”的标签']);
    expect(at(16)).toEqual(['身份证号: 该身份证号已在其他社区登记为现住居民']);
    expect(at(17)[0]).toMatch(/^出生日期: 日期无法识别/);
    expect(at(18)).toEqual(['身份证号: 该身份证号已登记在本社区另一户（1幢1单元2001）；如已搬家，请先在档案中办理迁移']);
  });

  it('accepts Excel serial dates, dates typed as text and full-width digits (with a warning)', () => {
    expect([at(2), at(8), at(12), at(13)]).toEqual([[], [], [], []]);
    expect(report!.warnings).toEqual([
      { row: 8, column: '身份证号', problem: '全角字符已转换为半角' },
      { row: 8, column: '联系电话', problem: '全角字符已转换为半角' },
    ]);
  });

  it('counts what the valid rows would do and every problem', () => {
    expect(report).toMatchObject({ ok: false, committed: false, errorCount: 13, skippedRows: [] });
    expect(report!.residents).toEqual({ created: 4, updated: 0, unchanged: 0 });
  });
});
