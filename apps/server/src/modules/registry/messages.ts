import { type CodedField, SEX_CODES, type Text, text } from '@linli/contracts';

const FIELD_NAMES: Record<CodedField, Text> = {
  sex: text('性别', 'sex'),
  relation: text('与户主关系', 'relation to the household head'),
  political: text('政治面貌', 'political status'),
  ethnicity: text('民族', 'ethnicity'),
};

/** Messages the registry writes itself, in both UI languages. */
export const REGISTRY_MESSAGES = {
  idFormat: () =>
    text(
      '身份证号格式不正确：应为18位（末位可为X），或15位旧号码',
      'An ID number has 18 characters (the last may be X), or 15 digits for an old one',
    ),
  idChecksum: () => text('身份证号校验位不正确，请核对', 'The check digit of this ID number is wrong'),
  idBirthDate: () => text('身份证号中的出生日期不存在', 'The birth date inside this ID number is impossible'),
  sexMismatch: (derived: '1' | '2') =>
    text(
      `性别与身份证号不符（身份证号为${SEX_CODES[derived]['zh-CN']}性）`,
      `Sex does not match the ID number (it says ${SEX_CODES[derived].en.toLowerCase()})`,
    ),
  birthMismatch: (derived: string) =>
    text(`出生日期与身份证号不符（身份证号为 ${derived}）`, `The birth date does not match the ID number (it says ${derived})`),
  idTaken: () =>
    text('该身份证号已登记在本辖区另一位在册居民名下', 'This ID number is already registered to another resident in this district'),
  idRepeated: () => text('同一次登记中身份证号重复', 'The same ID number appears twice'),
  phone: () => text('电话号码格式不正确', 'This is not a valid phone number'),
  unknownCode: (field: CodedField) => text(`不是有效的${FIELD_NAMES[field]['zh-CN']}代码`, `Not a valid code for ${FIELD_NAMES[field].en}`),
  unknownTag: (tags: string[]) =>
    text(`本社区没有可用于此处的关爱标签：${tags.join('、')}`, `No care tag of this community applies here: ${tags.join(', ')}`),
  oneHead: () =>
    text('一户须有且只有一位户主（与户主关系为 01 本人或 02 户主）', 'A household needs exactly one head (relation 01 self or 02 head)'),
  futureDate: () => text('日期不能晚于今天', 'The date cannot be in the future'),
  residentInactive: () =>
    text('该居民已迁出或已故，不能再办理此项业务', 'This resident has moved out or died; this cannot be done any more'),
  householdInactive: () => text('该户已迁出，不能再办理此项业务', 'This household has moved out; this cannot be done any more'),
  sameFlat: () => text('该户已住在此房屋', 'The household already lives in this flat'),
} satisfies Record<string, (...args: never[]) => Text>;
