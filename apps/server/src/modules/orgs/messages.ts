import type { Locale } from '@linli/contracts';

/** Messages the orgs module writes itself, in both UI languages. */
export const ORG_MESSAGES = {
  nameTaken: { 'zh-CN': '该区域已有同名单位', en: 'An organisation of this name already serves this area' },
  areaKind: { 'zh-CN': '处置单位只能挂在街道或社区上', en: 'An organisation serves a street or a community' },
  hasUsers: { 'zh-CN': '还有用户属于该单位，不能删除', en: 'Users are still assigned to this organisation' },
  inUse: { 'zh-CN': '该单位仍被其他记录引用，不能删除', en: 'Other records still refer to this organisation' },
} satisfies Record<string, Record<Locale, string>>;
