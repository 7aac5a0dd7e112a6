import type { ErrorCode } from './errors.js';
import type { Locale } from './locale.js';

/** Default human messages per error code, in both UI languages. */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  FORBIDDEN: { 'zh-CN': '没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '未找到该记录', en: 'Not found' },
  VALIDATION: { 'zh-CN': '输入有误，请检查标出的字段', en: 'Some fields are not valid' },
  CONFLICT: { 'zh-CN': '与现有数据冲突', en: 'This conflicts with existing data' },
  INVALID_TRANSITION: { 'zh-CN': '当前状态下不能执行此操作', en: 'This move is not allowed in the current state' },
  LIMIT_EXCEEDED: { 'zh-CN': '尝试次数过多，请稍后再试', en: 'Too many attempts, try again later' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '上传内容过大', en: 'The upload is too large' },
  UNAVAILABLE: { 'zh-CN': '服务暂时不可用，请稍后重试', en: 'Service temporarily unavailable; try again in a moment' },
  INTERNAL: { 'zh-CN': '服务器内部错误', en: 'Internal server error' },
};

export const LOGIN_FAILED_MESSAGE: Record<Locale, string> = {
  'zh-CN': '用户名或密码错误',
  en: 'Wrong username or password',
};
