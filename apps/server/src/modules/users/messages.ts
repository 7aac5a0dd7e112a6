import { type Text, text } from '@linli/contracts';

/** Messages the users module writes itself, in both UI languages. */
export const USER_MESSAGES = {
  usernameTaken: () => text('该用户名已被使用', 'This username is already taken'),
  areaRequired: () => text('此角色需要选择一个区域', 'This role needs an area'),
  orgNotAllowed: () => text('此角色不能分配到处置单位，请选择区域', 'This role cannot be given on an organisation; choose an area'),
  oneScope: () => text('请只选择一个区域或一个单位', 'Choose either an area or an organisation, not both'),
  scopeNotFound: () => text('在您的管理范围内未找到该区域或单位', 'No such area or organisation in your scope'),
  cannotGrant: () => text('您无权授予该角色', 'You may not grant this role'),
  cannotDeactivateSelf: () => text('不能停用自己的账号', 'You cannot deactivate your own account'),
} satisfies Record<string, (...args: never[]) => Text>;

export type UserMessage = keyof typeof USER_MESSAGES;
