import { type Text, text } from '@linli/contracts';

// the street's clock, as the console and portal show times
const CLOCK = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
const fmt = (d: Date) => CLOCK.format(d);
const CHANNEL = { online: text('线上', 'online'), in_person: text('现场', 'in person'), paper: text('纸质问卷', 'on paper') };

/** Messages the surveys module writes itself, in both UI languages. */
export const SURVEY_MESSAGES = {
  notCompound: () => text('请选择一个小区', 'Choose a compound'),
  noProperty: () =>
    text(
      '该小区当前没有物业服务企业（无物业小区），无法测评',
      'This compound has no property company now (无物业小区); there is nothing to survey',
    ),
  duplicatePeriod: (period: string) =>
    text(`该小区 ${period} 的物业测评已经建立`, `A property survey of this compound for ${period} already exists`),
  closesBeforeOpens: () => text('截止时间须晚于开始时间', 'The closing time must come after the opening time'),
  duplicateQuestion: () => text('题目编号不能重复', 'Question keys must be unique'),
  noRatingQuestion: () => text('至少需要一道评分题', 'At least one rating question is needed'),
  missingRating: (label: string) => text(`请为「${label}」打分`, `Please rate "${label}"`),
  unknownQuestion: (key: string) => text(`没有题目 ${key}`, `There is no question ${key}`),
  notOpen: (at: Date) => text(`本期测评 ${fmt(at)} 才开始`, `This survey opens at ${fmt(at)} (China time)`),
  closed: (at: Date) => text(`本期测评已于 ${fmt(at)} 截止`, `This survey closed at ${fmt(at)} (China time)`),
  alreadyAnswered: (at: Date, channel: keyof typeof CHANNEL) =>
    text(
      `本户已于 ${fmt(at)} 通过${CHANNEL[channel]['zh-CN']}参加本期测评，每户每期只答一次`,
      `This household already answered this period's survey ${CHANNEL[channel].en} at ${fmt(at)} (China time); one answer per household per period`,
    ),
  outside: () => text('该住户不在本小区，不能参加本次测评', 'This household does not live in the compound surveyed'),
  inactive: () => text('该居民或住户已不在册', 'This resident or household is no longer registered'),
  respondentRequired: () => text('现场或纸质问卷须选择答卷居民', 'An in-person or paper answer needs the resident who answered'),
  onlineByStaff: () => text('工作人员只能录入现场或纸质问卷', 'Staff record in-person or paper answers only'),
  notResident: () => text('您的账号未关联居民档案，不能线上答卷', 'Your account is not linked to a resident and cannot answer online'),
} satisfies Record<string, (...args: never[]) => Text>;
