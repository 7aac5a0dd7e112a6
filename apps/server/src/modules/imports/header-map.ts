import type { ImportColumn, ImportField, ImportMapping } from '@linli/contracts';
import { IMPORT_FIELD_LABELS, REQUIRED_IMPORT_FIELDS } from '@linli/contracts';

/** Exact header names registers use, after `headerKey` (lower case, no spaces, brackets or asterisks). */
const EXACT: Record<ImportField, string[]> = {
  seq: ['序号', '编号', '序', 'no', 'no.', '#', 's/n', 'seq', 'index'],
  compound: ['小区', '小区名称', '所属小区', '小区名', '苑区', 'compound', 'estate', 'residentialcompound'],
  building: ['楼栋', '楼号', '楼栋号', '幢', '幢号', '栋', '栋号', '楼', '楼宇', 'building', 'buildingno', 'bldg', 'block'],
  unit: ['单元', '单元号', 'unit', 'unitno', 'entrance'],
  flat: [
    '房号',
    '门牌号',
    '室',
    '室号',
    '房间号',
    '房屋号',
    '户号',
    'flat',
    'flatno',
    'room',
    'roomno',
    'apartment',
    'apt',
    'door',
    'doorno',
  ],
  headName: ['户主姓名', '户主', '户主名', 'head', 'headofhousehold', 'householdhead', 'householder', 'headname'],
  name: ['姓名', '居民姓名', '人员姓名', '成员姓名', '名字', 'name', 'fullname', 'residentname'],
  relation: ['与户主关系', '与户主的关系', '关系', '家庭关系', 'relation', 'relationship', 'relationtohead', 'relationshiptohead'],
  sex: ['性别', 'sex', 'gender'],
  idNumber: [
    '身份证号',
    '身份证号码',
    '公民身份号码',
    '身份证',
    '证件号码',
    '证件号',
    'id',
    'idnumber',
    'idno',
    'idcard',
    'idcardnumber',
    'citizenid',
  ],
  birthDate: ['出生日期', '出生年月', '出生年月日', '生日', 'dateofbirth', 'dob', 'birthdate', 'birthday'],
  ethnicity: ['民族', 'ethnicity', 'ethnicgroup', 'nation'],
  political: ['政治面貌', 'political', 'politicalstatus', 'politicalaffiliation', 'politics'],
  phone: ['联系电话', '手机号', '手机号码', '手机', '电话', '电话号码', '联系方式', 'phone', 'mobile', 'tel', 'telephone', 'phonenumber'],
  registeredAddress: ['户籍地址', '户籍地', '户籍所在地', '户口所在地', '户籍住址', 'registeredaddress', 'hukouaddress', 'hukou'],
  residentType: ['人员类型', '人口类型', '人员类别', '人口类别', '居民类型', '户籍类型', 'residenttype', 'populationtype', 'type'],
  tags: ['特殊人群', '标签', '人群标签', '人群类别', '重点人群', '关爱对象', '特殊人群类别', 'tags', 'caretags', 'specialgroups', 'labels'],
  tenure: ['居住性质', '房屋性质', '居住方式', '自住租住', 'tenure', 'occupancy'],
  note: ['备注', '说明', '附注', 'note', 'notes', 'remark', 'remarks', 'comment', 'comments'],
};

/** When no exact name matches: the first field whose fragment the header contains (order matters: 户主姓名 before 姓名). */
const CONTAINS: [string, ImportField][] = [
  ['身份证', 'idNumber'],
  ['身份号码', 'idNumber'],
  ['户主姓名', 'headName'],
  ['户主关系', 'relation'],
  ['关系', 'relation'],
  ['户籍地', 'registeredAddress'],
  ['户口', 'registeredAddress'],
  ['出生', 'birthDate'],
  ['电话', 'phone'],
  ['手机', 'phone'],
  ['政治', 'political'],
  ['民族', 'ethnicity'],
  ['性别', 'sex'],
  ['小区', 'compound'],
  ['单元', 'unit'],
  ['楼栋', 'building'],
  ['楼号', 'building'],
  ['幢', 'building'],
  ['门牌', 'flat'],
  ['房号', 'flat'],
  ['房间', 'flat'],
  ['人员类型', 'residentType'],
  ['人口类型', 'residentType'],
  ['特殊人群', 'tags'],
  ['标签', 'tags'],
  ['备注', 'note'],
  ['姓名', 'name'],
  ['dateofbirth', 'birthDate'],
  ['phone', 'phone'],
  ['mobile', 'phone'],
  ['idnumber', 'idNumber'],
  ['address', 'registeredAddress'],
];

/** Lower case, NFKC, without whitespace, asterisks, colons and bracketed hints like （18位）. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, '')
    .replace(/[\s*:：_]/g, '');
}

const exactIndex = new Map<string, ImportField>();
for (const [field, names] of Object.entries(EXACT) as [ImportField, string[]][]) {
  for (const n of [...names, IMPORT_FIELD_LABELS[field]['zh-CN'], IMPORT_FIELD_LABELS[field].en]) exactIndex.set(headerKey(n), field);
}

/** The field a header most likely means, or null. */
export function guessField(header: string): ImportField | null {
  const key = headerKey(header);
  if (!key) return null;
  return exactIndex.get(key) ?? CONTAINS.find(([fragment]) => key.includes(fragment))?.[1] ?? null;
}

/** Maps every header; when two columns claim a field, the first keeps it. */
export function autoMap(headers: { index: number; header: string }[]): ImportColumn[] {
  const taken = new Set<ImportField>();
  return headers.map(({ index, header }) => {
    const guess = guessField(header);
    const field = guess && !taken.has(guess) ? guess : null;
    if (field) taken.add(field);
    return { index, header, field };
  });
}

/** How many headers of a row are recognised: the header row is the first of the top rows with two or more. */
export function recognisedCount(headers: string[]): number {
  return headers.filter((h) => guessField(h) !== null).length;
}

/** The automatic mapping overridden by the user's choices; null in `mapping` drops a column. */
export function applyMapping(columns: ImportColumn[], mapping: ImportMapping): ImportColumn[] {
  return columns.map((c) => {
    const chosen = mapping[String(c.index)];
    return chosen === undefined ? c : { ...c, field: chosen };
  });
}

/** Fields mapped by more than one column, and required fields mapped by none. */
export function mappingProblems(columns: ImportColumn[]): { duplicated: ImportField[]; missing: ImportField[] } {
  const seen = new Map<ImportField, number>();
  for (const c of columns) if (c.field) seen.set(c.field, (seen.get(c.field) ?? 0) + 1);
  const duplicated = [...seen].filter(([, n]) => n > 1).map(([f]) => f);
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !seen.has(f));
  return { duplicated, missing };
}
