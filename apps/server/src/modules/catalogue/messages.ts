import type { Locale } from '@linli/contracts';

/** Messages the catalogue module writes itself, in both UI languages. */
export const CATALOGUE_MESSAGES = {
  codeTaken: { 'zh-CN': '本街道已有相同编码的服务', en: 'This street already has a service with this code' },
  fieldCodeRepeated: { 'zh-CN': '字段编码在本服务中重复', en: 'This field code is used twice in the service' },
  orgNotServing: { 'zh-CN': '该处置单位不服务于本街道', en: 'This organisation does not serve this street' },
  notAStreet: { 'zh-CN': '请选择一个街道', en: 'Choose a street' },
} satisfies Record<string, Record<Locale, string>>;
