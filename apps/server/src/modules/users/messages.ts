import type { Locale } from '@linli/contracts';

/** Messages the users module writes itself, in both UI languages. */
export const USER_MESSAGES = {
  usernameTaken: { 'zh-CN': '该用户名已被使用', en: 'This username is already taken' },
  areaRequired: { 'zh-CN': '此角色需要选择一个区域', en: 'This role needs an area' },
  orgNotAllowed: { 'zh-CN': '此角色不能分配到处置单位，请选择区域', en: 'This role cannot be given on an organisation; choose an area' },
  oneScope: { 'zh-CN': '请只选择一个区域或一个单位', en: 'Choose either an area or an organisation, not both' },
  scopeNotFound: { 'zh-CN': '在您的管理范围内未找到该区域或单位', en: 'No such area or organisation in your scope' },
  cannotGrant: { 'zh-CN': '您无权授予该角色', en: 'You may not grant this role' },
  cannotDeactivateSelf: { 'zh-CN': '不能停用自己的账号', en: 'You cannot deactivate your own account' },
} satisfies Record<string, Record<Locale, string>>;

export type UserMessage = keyof typeof USER_MESSAGES;
