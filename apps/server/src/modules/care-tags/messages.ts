import { type Text, text } from '@linli/contracts';

/** Messages the care-tags module writes itself, in both UI languages. */
export const CARE_TAG_MESSAGES = {
  communityRequired: () => text('请选择社区', 'Choose a community'),
  labelRequired: () => text('新的关爱标签须填写中文名称', 'A new care tag needs a Chinese label'),
} satisfies Record<string, (...args: never[]) => Text>;
