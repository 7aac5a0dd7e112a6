import { type Text, text } from '@linli/contracts';

/** Messages the auth module writes itself, in both UI languages. */
export const AUTH_MESSAGES = {
  wrongCurrentPassword: () => text('当前密码不正确', 'The current password is wrong'),
  csrf: () => text('缺少或错误的 CSRF 令牌', 'Missing or wrong CSRF token (x-csrf-token header)'),
} satisfies Record<string, (...args: never[]) => Text>;
