import { IMPORT_FIELD_LABELS, type ImportField, type Locale, type Text, codeLabel, text } from '@linli/contracts';

type Params = Record<string, string | number>;
const s = (p: Params, k: string) => String(p[k] ?? '');

/** Why a file was refused, in both languages. */
export const FILE_MESSAGES = {
  notXlsx: () => text('上传的文件不是 Excel 工作簿（.xlsx）', 'The file is not an Excel workbook (.xlsx)'),
  legacyXls: () =>
    text(
      '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再上传',
      'This is an old .xls file; save it as .xlsx in Excel or WPS and upload again',
    ),
  corrupt: () => text('文件已损坏，无法读取', 'The file is damaged and cannot be read'),
  zipBomb: () =>
    text(
      '文件解压后过大或结构异常，已拒绝（疑似压缩炸弹）',
      'The file unpacks to too much data or has an unusual structure; refused (a zip bomb?)',
    ),
  tooManyRows: (max: number) =>
    text(`行数超过上限 ${max} 行，请拆分后分批导入`, `More than ${max} rows; split the file and import the parts`),
  empty: () => text('表格中没有可导入的数据行', 'The sheet has no data rows'),
  noFile: () => text('请选择要上传的文件', 'Choose a file to upload'),
  busy: () => text('该导入正在处理中，请稍候', 'This import is being processed; wait for it to finish'),
  duplicatedFields: (fields: ImportField[]) =>
    text(
      `多列对应了同一字段：${fields.map((f) => IMPORT_FIELD_LABELS[f]['zh-CN']).join('、')}`,
      `Several columns map to the same field: ${fields.map((f) => IMPORT_FIELD_LABELS[f].en).join(', ')}`,
    ),
  missingFields: (fields: readonly ImportField[]) =>
    text(
      `缺少必需的列：${fields.map((f) => IMPORT_FIELD_LABELS[f]['zh-CN']).join('、')}`,
      `Required columns are not mapped: ${fields.map((f) => IMPORT_FIELD_LABELS[f].en).join(', ')}`,
    ),
  communityOnly: () => text('请选择一个社区', 'Choose a community'),
  noSuchColumn: () => text('表格中没有这一列', 'The sheet has no such column'),
  tooLarge: (mib: number) => text(`文件超过 ${mib} MiB 上限`, `The file is larger than ${mib} MiB`),
  fileGone: () =>
    text(
      '上传的文件已不再保留（已导入或已过期），请重新上传',
      'The uploaded file is no longer kept (imported or expired); upload it again',
    ),
} satisfies Record<string, (...args: never[]) => Text>;

/** Row problems and warnings of an import report, stored as key + params and worded when presented. */
export const IMPORT_PROBLEMS = {
  required: () => text('此项不能为空', 'This cell must not be empty'),
  tooLong: (p) => text(`内容过长（最多 ${s(p, 'max')} 个字）`, `Too long (at most ${s(p, 'max')} characters)`),
  missingColumn: (p) =>
    text(
      `缺少必需的列：${IMPORT_FIELD_LABELS[s(p, 'field') as ImportField]?.['zh-CN'] ?? s(p, 'field')}`,
      `A required column is missing: ${IMPORT_FIELD_LABELS[s(p, 'field') as ImportField]?.en ?? s(p, 'field')}`,
    ),
  emptySheet: () => FILE_MESSAGES.empty(),
  idFormat: () =>
    text('身份证号格式不对：应为18位（最后一位可为X）或15位数字', 'ID number format: 18 characters (the last may be X) or 15 digits'),
  idChecksum: () => text('身份证号校验位不对，可能有数字输错', 'The ID number check digit is wrong; a digit may be mistyped'),
  idBirthDate: () => text('身份证号中的出生日期不存在', 'The birth date inside the ID number does not exist'),
  idAsNumber: () =>
    text(
      '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”后重新填写',
      'Excel stored the ID number as a number and lost its last digits; format the column as text and re-enter it',
    ),
  idDuplicateInFile: (p) => text(`与第 ${s(p, 'row')} 行的身份证号重复`, `Same ID number as row ${s(p, 'row')}`),
  idElsewhere: () =>
    text('该身份证号已在其他社区登记为现住居民', 'This ID number is registered as a current resident of another community'),
  idOtherHousehold: (p) =>
    text(
      `该身份证号已登记在本社区另一户（${s(p, 'address')}）；如已搬家，请先在档案中办理迁移`,
      `This ID number is registered in another household of this community (${s(p, 'address')}); record the move in the registry first`,
    ),
  idDeceased: () => text('该身份证号的居民已登记死亡', 'The resident with this ID number is recorded as deceased'),
  dateFormat: () =>
    text(
      '日期无法识别，可写作 2020-01-05、2020/1/5、2020年1月5日 或 20200105',
      'Unrecognised date; write 2020-01-05, 2020/1/5, 2020年1月5日 or 20200105',
    ),
  dateImpossible: () => text('日期不存在', 'This date does not exist'),
  dateFuture: () => text('日期晚于今天', 'This date is in the future'),
  birthMismatch: (p) =>
    text(`出生日期与身份证号不符（身份证号为 ${s(p, 'expected')}）`, `The birth date does not match the ID number (${s(p, 'expected')})`),
  sexMismatch: (p) =>
    text(
      `性别与身份证号不符（身份证号为${codeLabel('sex', s(p, 'expected'), 'zh-CN')}）`,
      `The sex does not match the ID number (${codeLabel('sex', s(p, 'expected'), 'en').toLowerCase()})`,
    ),
  unknownValue: (p) =>
    text(`无法识别“${s(p, 'value')}”，请填写代码或标准名称`, `Unrecognised value “${s(p, 'value')}”; use a code or a standard name`),
  unknownTag: (p) => text(`没有名为“${s(p, 'value')}”的标签`, `There is no tag called “${s(p, 'value')}”`),
  phoneFormat: () => text('电话号码格式不对（手机号为11位）', 'Phone number format (mobiles have 11 digits)'),
  unitFormat: () => text('单元号无法识别', 'Unrecognised unit number'),
  unitNeeded: () => text('该楼栋多个单元都有此房号，请填写单元', 'Several units of this building have this flat number; give the unit'),
  flatFormat: () => text('房号无法识别', 'Unrecognised flat number'),
  unknownCompound: (p) => text(`本社区没有小区“${s(p, 'value')}”`, `This community has no compound “${s(p, 'value')}”`),
  unknownBuilding: (p) =>
    text(
      `本社区没有楼栋“${s(p, 'value')}”，请先在区域管理中添加`,
      `This community has no building “${s(p, 'value')}”; add it under Areas first`,
    ),
  ambiguousBuilding: (p) =>
    text(
      `多个小区都有楼栋“${s(p, 'value')}”，请增加“小区”列`,
      `Several compounds have a building “${s(p, 'value')}”; add a compound column`,
    ),
  unknownFlat: (p) =>
    text(
      `${s(p, 'building')}没有${s(p, 'unit')}单元${s(p, 'flat')}室（可选择“自动创建缺少的房屋”）`,
      `${s(p, 'building')} has no flat ${s(p, 'flat')} in unit ${s(p, 'unit')} (choose “create missing flats”)`,
    ),
  twoHeads: (p) => text(`同一户已有户主（第 ${s(p, 'row')} 行）`, `This household already has a head (row ${s(p, 'row')})`),
  widened: () => text('全角字符已转换为半角', 'Full-width characters were converted'),
  legacyId: () => text('15位身份证号已升为18位', 'The 15-digit ID number was converted to 18 characters'),
  interrupted: () => text('处理被中断（服务器重启），请重新运行', 'Processing was interrupted (server restart); run it again'),
  fileMissing: () =>
    text(
      '接手处理的服务器找不到上传的文件（各服务器须共用数据目录），请重新上传',
      'The server that took over cannot find the uploaded file (servers must share the data directory); upload it again',
    ),
  failed: () => text('处理时出错，未导入任何数据', 'Processing failed; nothing was imported'),
  expired: () =>
    text(
      '上传超过一天未导入，文件已删除，请重新上传',
      'The upload was not imported within a day and its file was removed; upload it again',
    ),
  notXlsx: () => FILE_MESSAGES.notXlsx(),
  legacyXls: () => FILE_MESSAGES.legacyXls(),
  corrupt: () => FILE_MESSAGES.corrupt(),
  zipBomb: () => FILE_MESSAGES.zipBomb(),
  tooManyRows: (p) => FILE_MESSAGES.tooManyRows(Number(p.max ?? 0)),
  empty: () => FILE_MESSAGES.empty(),
} satisfies Record<string, (p: Params) => Text>;

export type ProblemKey = keyof typeof IMPORT_PROBLEMS;

export function problemText(key: string, params: Params | undefined, locale: Locale): string {
  const make = (IMPORT_PROBLEMS as Record<string, (p: Params) => Text>)[key];
  return make ? make(params ?? {})[locale] : key;
}
