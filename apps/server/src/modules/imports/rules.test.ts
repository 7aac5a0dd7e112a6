import { describe, expect, it } from 'vitest';
import { buildingKey, cleanName, floorOfFlat, parseDateCell, parseFlat, parseUnit } from './cells.js';
import { autoMap, guessField } from './header-map.js';
import { createCellPicker, crossRowIssues, detectHeader, groupHouseholds } from './register.js';
import { type ParsedRow, parseRow } from './row-rules.js';
import { makeId } from './test-kit.js';

const today = new Date('2026-06-01T00:00:00Z');
const TAGS = {
  独居老人: { code: 'elderly_alone', appliesTo: 'both' },
  残疾人: { code: 'disabled', appliesTo: 'person' },
  低保: { code: 'low_income', appliesTo: 'household' },
} as const;
const tag = (label: string) => TAGS[label as keyof typeof TAGS] ?? null;
const row = (cells: Parameters<typeof parseRow>[1], n = 2) =>
  parseRow(n, { name: '张三', building: '1幢', flat: '101', ...cells }, { tag }, today);
const keys = (r: ReturnType<typeof row>) => r.issues.map((i) => `${i.field}:${i.key}${i.warning ? '(warning)' : ''}`);

describe('column auto-mapping', () => {
  it('maps the Chinese headers registers use, with hints and full-width brackets', () => {
    const cases: [string, string | null][] = [
      ['序号', 'seq'],
      ['小区名称', 'compound'],
      ['楼栋', 'building'],
      ['楼号', 'building'],
      ['幢', 'building'],
      ['单元', 'unit'],
      ['门牌号', 'flat'],
      ['室', 'flat'],
      ['户主姓名', 'headName'],
      ['姓名', 'name'],
      ['与户主关系', 'relation'],
      ['性别', 'sex'],
      ['公民身份号码', 'idNumber'],
      ['身份证号码（18位）', 'idNumber'],
      ['*出生日期', 'birthDate'],
      ['民族', 'ethnicity'],
      ['政治面貌', 'political'],
      ['手机号', 'phone'],
      ['联系电话(手机)', 'phone'],
      ['户籍地址', 'registeredAddress'],
      ['人员类型', 'residentType'],
      ['特殊人群类别', 'tags'],
      ['备注', 'note'],
      ['楼层', null],
      ['', null],
    ];
    expect(cases.map(([h]) => [h, guessField(h)])).toEqual(cases);
  });

  it('maps English headers', () => {
    const headers = [
      'No.',
      'Building',
      'Unit',
      'Room No',
      'Head of household',
      'Name',
      'Relationship',
      'Gender',
      'ID Number',
      'Date of Birth',
    ];
    expect(headers.map(guessField)).toEqual([
      'seq',
      'building',
      'unit',
      'flat',
      'headName',
      'name',
      'relation',
      'sex',
      'idNumber',
      'birthDate',
    ]);
    expect(
      ['Ethnic group', 'Political status', 'Mobile', 'Hukou address', 'Resident type', 'Care tags', 'Remarks'].map(guessField),
    ).toEqual(['ethnicity', 'political', 'phone', 'registeredAddress', 'residentType', 'tags', 'note']);
  });

  it('gives a field to the first of two columns that claim it and leaves the rest to map by hand', () => {
    const cols = autoMap([
      { index: 1, header: '联系电话' },
      { index: 2, header: '手机号' },
      { index: 3, header: '工作单位' },
    ]);
    expect(cols.map((c) => c.field)).toEqual(['phone', null, null]);
  });

  it('finds the header row below a title row', () => {
    const top = [
      { number: 1, cells: ['安平社区户籍人口登记表'] },
      { number: 3, cells: ['序号', '楼栋', '房号', '姓名'] },
      { number: 4, cells: [1, '1幢', '101', '张三'] },
    ];
    const { headerRow, columns } = detectHeader(top);
    expect(headerRow).toBe(3);
    expect(columns.map((c) => c.field)).toEqual(['seq', 'building', 'flat', 'name']);
  });
});

describe('cell values as people type them', () => {
  it('reads dates as text, Excel serials and date cells', () => {
    const ok = (c: Parameters<typeof parseDateCell>[0]) => parseDateCell(c, today);
    for (const text of ['2020-1-5', '2020/01/05', '2020.1.5', '2020年1月5日', '20200105', '2020-01-05 00:00:00', ' ２０２０－０１－０５ '])
      expect(ok(text), text).toEqual({ date: '2020-01-05' });
    expect(ok(43835)).toEqual({ date: '2020-01-05' });
    expect(ok('43835')).toEqual({ date: '2020-01-05' });
    expect(ok(20200105)).toEqual({ date: '2020-01-05' });
    expect(ok(new Date(Date.UTC(2020, 0, 5)))).toEqual({ date: '2020-01-05' });
    expect(ok('2021-02-30')).toEqual({ problem: 'dateImpossible' });
    expect(ok('1850-01-01')).toEqual({ problem: 'dateImpossible' });
    expect(ok('2030-01-01')).toEqual({ problem: 'dateFuture' });
    expect(ok('yesterday')).toEqual({ problem: 'dateFormat' });
    expect(ok(null)).toBeNull();
  });

  it('normalises names, flats, units and building names', () => {
    expect(cleanName('张  三')).toBe('张三');
    expect(cleanName('阿卜杜 · 热合曼')).toBe('阿卜杜·热合曼');
    expect(cleanName('John Smith')).toBe('John Smith');
    expect(parseFlat('803室')).toEqual({ unit: null, flat: '803' });
    expect(parseFlat('0803')).toEqual({ unit: null, flat: '803' });
    expect(parseFlat('2-803')).toEqual({ unit: 2, flat: '803' });
    expect(parseFlat('2单元803室')).toEqual({ unit: 2, flat: '803' });
    expect([parseUnit('1'), parseUnit('2单元'), parseUnit('三单元'), parseUnit('x')]).toEqual([1, 2, 3, null]);
    expect(['1幢', '1栋', '1号楼', '01#', '1'].map(buildingKey)).toEqual(['1', '1', '1', '1', '1']);
    expect([floorOfFlat('803'), floorOfFlat('1203'), floorOfFlat('5')]).toEqual([8, 12, 1]);
  });
});

describe('one row', () => {
  const id = makeId('19650312', 13);

  it('takes codes or Chinese names, derives sex and birth date from the ID, maps tags by label', () => {
    const r = row({
      idNumber: id,
      relation: '户主',
      political: '党员',
      ethnicity: '回',
      residentType: '流动人口',
      tags: '独居老人、残疾人，低保',
    });
    expect(r.issues).toEqual([]);
    expect(r.parsed.householdTags).toEqual(['low_income']);
    expect(r.parsed.person).toMatchObject({
      idNumber: id,
      sex: '1',
      birthDate: '1965-03-12',
      relation: '02',
      political: '01',
      ethnicity: '03',
    });
    expect(r.parsed.person).toMatchObject({ residentType: 'floating', tags: ['elderly_alone', 'disabled'] });
  });

  it('reports each problem on its column', () => {
    const bad = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    expect(keys(row({ idNumber: bad }))).toEqual(['idNumber:idChecksum']);
    expect(keys(row({ idNumber: Number('321003196503120131') }))).toEqual(['idNumber:idAsNumber']);
    expect(keys(row({ idNumber: '12345' }))).toEqual(['idNumber:idFormat']);
    expect(keys(row({ idNumber: makeId('19650230', 13) }))).toEqual(['idNumber:idBirthDate']);
    expect(keys(row({ idNumber: id, sex: '女' }))).toEqual(['sex:sexMismatch']);
    expect(keys(row({ idNumber: id, birthDate: '1965-03-13' }))).toEqual(['birthDate:birthMismatch']);
    expect(keys(row({ relation: '邻居的朋友' }))).toEqual(['relation:unknownValue']);
    expect(keys(row({ tags: '外星人' }))).toEqual(['tags:unknownTag']);
    expect(keys(row({ phone: '12345' }))).toEqual(['phone:phoneFormat']);
    expect(keys(row({ name: '', building: '', flat: '' }))).toEqual(['name:required', 'building:required', 'flat:required']);
  });

  it('converts full-width digits and 15-digit IDs with a warning', () => {
    const wide = id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const r = row({ idNumber: wide });
    expect(r.parsed.person.idNumber).toBe(id);
    expect(keys(r)).toEqual(['idNumber:widened(warning)']);
    expect(keys(row({ idNumber: '321003650312013' }))).toEqual(['idNumber:legacyId(warning)']);
  });
});

describe('households in a register', () => {
  const columns = ['building', 'flat', 'headName', 'name', 'relation'].map((f, i) => ({ index: i + 1, header: f, field: f as never }));
  const rows = (cells: (string | null)[][]): ParsedRow[] => {
    const pick = createCellPicker(columns);
    return cells.map((c, i) => parseRow(i + 2, pick(c), { tag }, today).parsed);
  };

  it('repeats merged address cells down and groups by building, unit, flat and head', () => {
    const parsed = rows([
      ['1幢', '101', '张三', '张三', '户主'],
      [null, null, null, '李四', '妻'],
      [null, '102', '王五', '王五', null],
      ['1幢', '102', '赵六', '赵六', '户主'],
    ]);
    expect(parsed[1]).toMatchObject({ building: '1幢', flat: '101', headName: '张三' });
    const groups = groupHouseholds(parsed);
    expect(groups.map((g) => [g.flat, g.headName, g.rows.map((r) => r.row)])).toEqual([
      ['101', '张三', [2, 3]],
      ['102', '王五', [4]],
      ['102', '赵六', [5]],
    ]);
    expect(parsed[2]!.person.relation).toBe('02');
  });

  it('flags an ID number twice in the file and a second head', () => {
    const parsed = rows([
      ['1幢', '101', '张三', '张三', '户主'],
      ['1幢', '101', '张三', '张四', '户主'],
    ]);
    parsed[0]!.person.idNumber = parsed[1]!.person.idNumber = makeId('19800101', 11);
    const issues = crossRowIssues(groupHouseholds(parsed), parsed);
    expect(issues.get(3)?.map((i) => [i.key, i.params])).toEqual([
      ['idDuplicateInFile', { row: 2 }],
      ['twoHeads', { row: 2 }],
    ]);
  });
});
