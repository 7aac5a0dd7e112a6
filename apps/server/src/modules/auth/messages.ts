import { type Text, text } from '@linli/contracts';

/** Messages the auth module writes itself, in both UI languages. */
export const AUTH_MESSAGES = {
  wrongCurrentPassword: () => text('当前密码不正确', 'The current password is wrong'),
  tooManyAttempts: (seconds: number) => text(`尝试过于频繁，请 ${seconds} 秒后再试`, `Too many attempts; try again in ${seconds} s`),
  csrf: () => text('缺少或错误的 CSRF 令牌', 'Missing or wrong CSRF token (x-csrf-token header)'),
} satisfies Record<string, (...args: never[]) => Text>;
