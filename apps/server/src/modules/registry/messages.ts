import { type CodedField, type Locale, SEX_CODES } from '@linli/contracts';

type Text = Record<Locale, string>;

const FIELD_NAMES: Record<CodedField, Text> = {
  sex: { 'zh-CN': '性别', en: 'sex' },
  relation: { 'zh-CN': '与户主关系', en: 'relation to the household head' },
  political: { 'zh-CN': '政治面貌', en: 'political status' },
  ethnicity: { 'zh-CN': '民族', en: 'ethnicity' },
};

/** Messages the registry writes itself, in both UI languages. */
export const REGISTRY_MESSAGES = {
  idFormat: () => ({
    'zh-CN': '身份证号格式不正确：应为18位（末位可为X），或15位旧号码',
    en: 'An ID number has 18 characters (the last may be X), or 15 digits for an old one',
  }),
  idChecksum: () => ({ 'zh-CN': '身份证号校验位不正确，请核对', en: 'The check digit of this ID number is wrong' }),
  idBirthDate: () => ({ 'zh-CN': '身份证号中的出生日期不存在', en: 'The birth date inside this ID number is impossible' }),
  sexMismatch: (derived: '1' | '2') => ({
    'zh-CN': `性别与身份证号不符（身份证号为${SEX_CODES[derived]['zh-CN']}性）`,
    en: `Sex does not match the ID number (it says ${SEX_CODES[derived].en.toLowerCase()})`,
  }),
  birthMismatch: (derived: string) => ({
    'zh-CN': `出生日期与身份证号不符（身份证号为 ${derived}）`,
    en: `The birth date does not match the ID number (it says ${derived})`,
  }),
  idTaken: () => ({
    'zh-CN': '该身份证号已登记在本辖区另一位在册居民名下',
    en: 'This ID number is already registered to another resident in this district',
  }),
  idRepeated: () => ({ 'zh-CN': '同一次登记中身份证号重复', en: 'The same ID number appears twice' }),
  phone: () => ({ 'zh-CN': '电话号码格式不正确', en: 'This is not a valid phone number' }),
  unknownCode: (field: CodedField) => ({
    'zh-CN': `不是有效的${FIELD_NAMES[field]['zh-CN']}代码`,
    en: `Not a valid code for ${FIELD_NAMES[field].en}`,
  }),
  unknownTag: (tags: string[]) => ({
    'zh-CN': `本社区没有可用于此处的关爱标签：${tags.join('、')}`,
    en: `No care tag of this community applies here: ${tags.join(', ')}`,
  }),
  oneHead: () => ({
    'zh-CN': '一户须有且只有一位户主（与户主关系为 01 本人或 02 户主）',
    en: 'A household needs exactly one head (relation 01 self or 02 head)',
  }),
  futureDate: () => ({ 'zh-CN': '日期不能晚于今天', en: 'The date cannot be in the future' }),
  residentInactive: () => ({
    'zh-CN': '该居民已迁出或已故，不能再办理此项业务',
    en: 'This resident has moved out or died; this cannot be done any more',
  }),
  householdInactive: () => ({
    'zh-CN': '该户已迁出，不能再办理此项业务',
    en: 'This household has moved out; this cannot be done any more',
  }),
  sameFlat: () => ({ 'zh-CN': '该户已住在此房屋', en: 'The household already lives in this flat' }),
  nothingToReveal: () => ({ 'zh-CN': '该居民没有登记此项信息', en: 'Nothing of this kind is on record for this resident' }),
} satisfies Record<string, (...args: never[]) => Text>;
