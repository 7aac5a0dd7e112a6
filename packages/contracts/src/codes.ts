import type { Locale } from './locale.js';

/** One national code table: code → its labels in both UI languages. */
export type CodeTable = Readonly<Record<string, Readonly<Record<Locale, string>>>>;
const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** GB/T 2261.1 人的性别代码 */
export const SEX_CODES = {
  '0': t('未知', 'Unknown'),
  '1': t('男', 'Male'),
  '2': t('女', 'Female'),
  '9': t('未说明', 'Unstated'),
} as const satisfies CodeTable;

/** GB/T 4761 家庭关系代码 (relation to the household head); 01 and 02 both mark the head. */
export const RELATION_CODES = {
  '01': t('本人', 'Self'),
  '02': t('户主', 'Head of household'),
  '10': t('配偶', 'Spouse'),
  '11': t('夫', 'Husband'),
  '12': t('妻', 'Wife'),
  '20': t('子', 'Son'),
  '21': t('独生子', 'Only son'),
  '22': t('长子', 'Eldest son'),
  '23': t('次子', 'Second son'),
  '24': t('三子', 'Third son'),
  '25': t('四子', 'Fourth son'),
  '26': t('五子', 'Fifth son'),
  '27': t('养子或继子', 'Adopted son or stepson'),
  '28': t('女婿', 'Son-in-law'),
  '29': t('其他儿子', 'Other son'),
  '30': t('女', 'Daughter'),
  '31': t('独生女', 'Only daughter'),
  '32': t('长女', 'Eldest daughter'),
  '33': t('次女', 'Second daughter'),
  '34': t('三女', 'Third daughter'),
  '35': t('四女', 'Fourth daughter'),
  '36': t('五女', 'Fifth daughter'),
  '37': t('养女或继女', 'Adopted daughter or stepdaughter'),
  '38': t('儿媳', 'Daughter-in-law'),
  '39': t('其他女儿', 'Other daughter'),
  '40': t('孙子、孙女或外孙子、外孙女', 'Grandchild'),
  '41': t('孙子', 'Grandson'),
  '42': t('孙女', 'Granddaughter'),
  '43': t('外孙子', "Daughter's son"),
  '44': t('外孙女', "Daughter's daughter"),
  '45': t('孙媳妇或外孙媳妇', "Grandson's wife"),
  '46': t('孙女婿或外孙女婿', "Granddaughter's husband"),
  '47': t('曾孙子或外曾孙子', 'Great-grandson'),
  '48': t('曾孙女或外曾孙女', 'Great-granddaughter'),
  '49': t('其他孙子、孙女或外孙子、外孙女', 'Other grandchild'),
  '50': t('父母', 'Parent'),
  '51': t('父亲', 'Father'),
  '52': t('母亲', 'Mother'),
  '53': t('公公', "Husband's father"),
  '54': t('婆婆', "Husband's mother"),
  '55': t('岳父', "Wife's father"),
  '56': t('岳母', "Wife's mother"),
  '57': t('继父或养父', 'Stepfather or adoptive father'),
  '58': t('继母或养母', 'Stepmother or adoptive mother'),
  '59': t('其他父母关系', 'Other parent'),
  '60': t('祖父母或外祖父母', 'Grandparent'),
  '61': t('祖父', 'Paternal grandfather'),
  '62': t('祖母', 'Paternal grandmother'),
  '63': t('外祖父', 'Maternal grandfather'),
  '64': t('外祖母', 'Maternal grandmother'),
  '65': t('配偶的祖父母或外祖父母', "Spouse's grandparent"),
  '66': t('曾祖父', 'Great-grandfather'),
  '67': t('曾祖母', 'Great-grandmother'),
  '68': t('配偶的曾祖父母或外曾祖父母', "Spouse's great-grandparent"),
  '69': t('其他祖父母或外祖父母关系', 'Other grandparent'),
  '70': t('兄弟姐妹', 'Sibling'),
  '71': t('兄', 'Elder brother'),
  '72': t('嫂', "Elder brother's wife"),
  '73': t('弟', 'Younger brother'),
  '74': t('弟媳', "Younger brother's wife"),
  '75': t('姐姐', 'Elder sister'),
  '76': t('姐夫', "Elder sister's husband"),
  '77': t('妹妹', 'Younger sister'),
  '78': t('妹夫', "Younger sister's husband"),
  '79': t('其他兄弟姐妹', 'Other sibling'),
  '80': t('其他', 'Other relative (general)'),
  '81': t('伯父', "Father's elder brother"),
  '82': t('伯母', "Wife of father's elder brother"),
  '83': t('叔父', "Father's younger brother"),
  '84': t('婶母', "Wife of father's younger brother"),
  '85': t('舅父', "Mother's brother"),
  '86': t('舅母', "Wife of mother's brother"),
  '87': t('姨父', "Husband of mother's sister"),
  '88': t('姨母', "Mother's sister"),
  '89': t('姑父', "Husband of father's sister"),
  '90': t('姑母', "Father's sister"),
  '91': t('堂兄弟、堂姐妹', 'Paternal cousin'),
  '92': t('表兄弟、表姐妹', 'Cousin'),
  '93': t('侄子', "Brother's son"),
  '94': t('侄女', "Brother's daughter"),
  '95': t('外甥', "Sister's son"),
  '96': t('外甥女', "Sister's daughter"),
  '97': t('其他亲属', 'Other relative'),
  '99': t('非亲属', 'Non-relative'),
} as const satisfies CodeTable;

/** GB/T 4762 政治面貌代码 */
export const POLITICAL_CODES = {
  '01': t('中共党员', 'CPC member'),
  '02': t('中共预备党员', 'CPC probationary member'),
  '03': t('共青团员', 'Communist Youth League member'),
  '04': t('民革党员', 'RCCK member'),
  '05': t('民盟盟员', 'China Democratic League member'),
  '06': t('民建会员', 'CNDCA member'),
  '07': t('民进会员', 'CAPD member'),
  '08': t('农工党党员', "Chinese Peasants' and Workers' Democratic Party member"),
  '09': t('致公党党员', 'China Zhi Gong Party member'),
  '10': t('九三学社社员', 'Jiusan Society member'),
  '11': t('台盟盟员', 'Taiwan Democratic Self-Government League member'),
  '12': t('无党派人士', 'Non-party personage'),
  '13': t('群众', 'Masses (no affiliation)'),
} as const satisfies CodeTable;

/** GB/T 3304 中国各民族名称的罗马字母拼写法和代码: the 56 groups, 97 other, 98 naturalised of foreign origin. */
export const ETHNICITY_CODES = {
  '01': t('汉族', 'Han'),
  '02': t('蒙古族', 'Mongol'),
  '03': t('回族', 'Hui'),
  '04': t('藏族', 'Tibetan'),
  '05': t('维吾尔族', 'Uyghur'),
  '06': t('苗族', 'Miao'),
  '07': t('彝族', 'Yi'),
  '08': t('壮族', 'Zhuang'),
  '09': t('布依族', 'Buyei'),
  '10': t('朝鲜族', 'Korean'),
  '11': t('满族', 'Manchu'),
  '12': t('侗族', 'Dong'),
  '13': t('瑶族', 'Yao'),
  '14': t('白族', 'Bai'),
  '15': t('土家族', 'Tujia'),
  '16': t('哈尼族', 'Hani'),
  '17': t('哈萨克族', 'Kazakh'),
  '18': t('傣族', 'Dai'),
  '19': t('黎族', 'Li'),
  '20': t('傈僳族', 'Lisu'),
  '21': t('佤族', 'Va'),
  '22': t('畲族', 'She'),
  '23': t('高山族', 'Gaoshan'),
  '24': t('拉祜族', 'Lahu'),
  '25': t('水族', 'Sui'),
  '26': t('东乡族', 'Dongxiang'),
  '27': t('纳西族', 'Naxi'),
  '28': t('景颇族', 'Jingpo'),
  '29': t('柯尔克孜族', 'Kyrgyz'),
  '30': t('土族', 'Tu'),
  '31': t('达斡尔族', 'Daur'),
  '32': t('仫佬族', 'Mulao'),
  '33': t('羌族', 'Qiang'),
  '34': t('布朗族', 'Blang'),
  '35': t('撒拉族', 'Salar'),
  '36': t('毛南族', 'Maonan'),
  '37': t('仡佬族', 'Gelao'),
  '38': t('锡伯族', 'Xibe'),
  '39': t('阿昌族', 'Achang'),
  '40': t('普米族', 'Pumi'),
  '41': t('塔吉克族', 'Tajik'),
  '42': t('怒族', 'Nu'),
  '43': t('乌孜别克族', 'Uzbek'),
  '44': t('俄罗斯族', 'Russian'),
  '45': t('鄂温克族', 'Evenk'),
  '46': t('德昂族', 'Deang'),
  '47': t('保安族', 'Bonan'),
  '48': t('裕固族', 'Yugur'),
  '49': t('京族', 'Gin'),
  '50': t('塔塔尔族', 'Tatar'),
  '51': t('独龙族', 'Derung'),
  '52': t('鄂伦春族', 'Oroqen'),
  '53': t('赫哲族', 'Hezhen'),
  '54': t('门巴族', 'Monpa'),
  '55': t('珞巴族', 'Lhoba'),
  '56': t('基诺族', 'Jino'),
  '97': t('其他未识别民族', 'Other (unrecognised)'),
  '98': t('外国血统中国籍人士', 'Chinese citizen of foreign origin'),
} as const satisfies CodeTable;

export type SexCodeValue = keyof typeof SEX_CODES;
export type RelationCode = keyof typeof RELATION_CODES;
export type PoliticalCode = keyof typeof POLITICAL_CODES;
export type EthnicityCode = keyof typeof ETHNICITY_CODES;

/** The tables by the resident field they code. */
export const NATIONAL_CODES = {
  sex: SEX_CODES,
  relation: RELATION_CODES,
  political: POLITICAL_CODES,
  ethnicity: ETHNICITY_CODES,
} as const satisfies Record<string, CodeTable>;
export type CodedField = keyof typeof NATIONAL_CODES;

/** Relations that mark the household head (户主). */
export const HEAD_RELATIONS: readonly string[] = ['01', '02'];
/** Political statuses counted as party members (党员, 预备党员). */
export const PARTY_MEMBER_CODES: readonly string[] = ['01', '02'];

export function isCode(field: CodedField, code: string): boolean {
  return Object.hasOwn(NATIONAL_CODES[field], code);
}

/** A table's codes in code order, for pickers (object keys like '10' enumerate before '01'). */
export function codeOptions(field: CodedField): { code: string; label: Readonly<Record<Locale, string>> }[] {
  const table: CodeTable = NATIONAL_CODES[field];
  return Object.keys(table)
    .sort()
    .map((code) => ({ code, label: table[code]! }));
}

export function codeLabel(field: CodedField, code: string, locale: Locale): string {
  const table: CodeTable = NATIONAL_CODES[field];
  return table[code]?.[locale] ?? code;
}

/** Short forms registers use besides the official labels. */
const ALIASES: Record<CodedField, Record<string, string>> = {
  sex: { 男性: '1', 女性: '2', m: '1', f: '2' },
  relation: { 户主本人: '02', 之子: '20', 之女: '30', 儿子: '20', 女儿: '30', 丈夫: '11', 妻子: '12', 父: '51', 母: '52' },
  political: {
    党员: '01',
    中国共产党党员: '01',
    预备党员: '02',
    中国共产党预备党员: '02',
    团员: '03',
    中国共产主义青年团团员: '03',
    无党派: '12',
    无党派民主人士: '12',
  },
  ethnicity: { 汉: '01', 其他: '97' },
};

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * The code for what a person or a register wrote: the code itself (`1`, `02`, `2` for `02`),
 * its Chinese or English label, or a common short form (`男`, `党员`, `蒙古` for 蒙古族). Null when unknown.
 */
export function lookupCode(field: CodedField, text: string): string | null {
  const s = squash(text);
  if (!s) return null;
  if (isCode(field, s)) return s;
  if (/^\d$/.test(s) && field !== 'sex' && isCode(field, `0${s}`)) return `0${s}`;
  for (const { code, label: labels } of codeOptions(field))
    if (squash(labels['zh-CN']) === s || squash(labels.en) === s || (field === 'ethnicity' && squash(labels['zh-CN']) === `${s}族`))
      return code;
  return ALIASES[field][s] ?? null;
}
