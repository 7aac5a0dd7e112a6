import {
  CARE_TAG_LABELS,
  type CodeTable,
  ETHNICITY_CODES,
  IMPORT_FIELD_LABELS,
  ImportField,
  POLITICAL_CODES,
  RELATION_CODES,
  RESIDENT_TYPE_LABELS,
  SEX_CODES,
  TENURE_LABELS,
  idCheckChar,
} from '@linli/contracts';
import type ExcelJS from 'exceljs';
import { lazyRequire } from '../../core/lazy-require.js';

const excel = lazyRequire<typeof ExcelJS>('exceljs');

/** The template's columns: every import field, in the contract's order. */
const FIELDS: readonly ImportField[] = ImportField.options;

const exampleId = (body: string) => body + idCheckChar(body);
const EXAMPLES: Partial<Record<ImportField, string | number>>[] = [
  {
    seq: 1,
    compound: '绿扬新苑东区',
    building: '1幢',
    unit: 1,
    flat: '803',
    headName: '张建国',
    name: '张建国',
    relation: '户主',
    sex: '男',
    idNumber: exampleId('32100319650312003'),
    birthDate: '1965-03-12',
    ethnicity: '汉族',
    political: '中共党员',
    phone: '13812345678',
    registeredAddress: '江苏省扬州市邗江区',
    residentType: '户籍',
    tags: '',
    tenure: '自住',
    note: '示例行，导入前请删除',
  },
  {
    seq: 2,
    compound: '绿扬新苑东区',
    building: '1幢',
    unit: 1,
    flat: '803',
    headName: '张建国',
    name: '李秀英',
    relation: '妻',
    sex: '女',
    idNumber: exampleId('32100319670820004'),
    birthDate: '1967-08-20',
    ethnicity: '汉族',
    political: '群众',
    residentType: '户籍',
    tags: '残疾人、低保',
    note: '示例行，导入前请删除',
  },
];

function addCodeList(ws: ExcelJS.Worksheet, col: number, title: string, rows: string[][]) {
  ws.getCell(1, col).value = title;
  ws.getCell(1, col).font = { bold: true };
  rows.forEach((r, i) => (ws.getCell(i + 2, col).value = r.join(' ')));
  ws.getColumn(col).width = 26;
}
const labels = (table: Record<string, Record<'zh-CN' | 'en', string>>) => Object.values(table).map((l) => [l['zh-CN']]);
const codes = (table: CodeTable) => Object.entries(table).map(([code, l]) => [code, l['zh-CN']]);

/** The register template: Chinese headers, two example rows, and a second sheet with the accepted values. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = new (excel().Workbook)();
  wb.creator = 'Linli';
  const ws = wb.addWorksheet('户籍登记');
  ws.columns = FIELDS.map((f) => ({
    header: IMPORT_FIELD_LABELS[f]['zh-CN'],
    key: f,
    width: f === 'idNumber' || f === 'registeredAddress' ? 22 : 12,
    style: f === 'idNumber' || f === 'phone' ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const e of EXAMPLES) ws.addRow(e).font = { italic: true, color: { argb: 'FF888888' } };
  const lists = wb.addWorksheet('代码表');
  addCodeList(lists, 1, '与户主关系', codes(RELATION_CODES));
  addCodeList(lists, 2, '性别', codes(SEX_CODES));
  addCodeList(lists, 3, '民族', codes(ETHNICITY_CODES));
  addCodeList(lists, 4, '政治面貌', codes(POLITICAL_CODES));
  addCodeList(lists, 5, '人员类型', labels(RESIDENT_TYPE_LABELS));
  addCodeList(lists, 6, '特殊人群（多个用、分隔）', labels(CARE_TAG_LABELS));
  addCodeList(lists, 7, '居住性质', labels(TENURE_LABELS));
  addCodeList(lists, 8, '填写说明', [
    ['第1行为表头，请勿修改'],
    ['示例行导入前请删除'],
    ['代码或名称均可填写'],
    ['身份证号请设为文本格式'],
    ['日期如 2020-01-05'],
    ['同一户的户主姓名相同'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
