import { type Text, text } from '@linli/contracts';

/** Messages the catalogue module writes itself, in both UI languages. */
export const CATALOGUE_MESSAGES = {
  codeTaken: () => text('本街道已有相同编码的服务', 'This street already has a service with this code'),
  fieldCodeRepeated: () => text('字段编码在本服务中重复', 'This field code is used twice in the service'),
  orgNotServing: () => text('该处置单位不服务于本街道', 'This organisation does not serve this street'),
} satisfies Record<string, (...args: never[]) => Text>;
