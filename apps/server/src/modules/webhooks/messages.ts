import { type Text, text } from '@linli/contracts';

/** Messages the webhooks module writes itself, in both UI languages. */
export const WEBHOOK_MESSAGES = {
  areaKind: () => text('请选择街道或区', 'Choose a street or the district'),
} satisfies Record<string, (...args: never[]) => Text>;
