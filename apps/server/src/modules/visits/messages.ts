import { type Text, text } from '@linli/contracts';

/** Messages the visits module writes itself, in both UI languages. */
export const VISIT_MESSAGES = {
  future: () => text('走访日期不能晚于今天', 'The visit date cannot be in the future'),
  movedOut: () => text('该户已迁出，不能再登记走访', 'This household has moved out; visits can no longer be recorded'),
} satisfies Record<string, (...args: never[]) => Text>;
