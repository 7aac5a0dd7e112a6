import { type Text, text } from '@linli/contracts';

/** Messages the legal module writes itself, in both UI languages. */
export const LEGAL_MESSAGES = {
  notLegalCenter: () => text('请选择法律服务中心', 'Choose a legal service center'),
  residentNotFound: () => text('居民不在您的辖区档案中', 'This resident is not in the registry of your area'),
  communityRequired: () => text('请选择咨询的居民，或使用社区法律服务中心', 'Choose the resident, or a community legal service center'),
  futureDate: () => text('咨询日期不能晚于今天', 'The consultation cannot be in the future'),
} satisfies Record<string, (...args: never[]) => Text>;
