import { z } from 'zod';
import { AreaNodeDto, HandlerOrgDto } from './area-dto.js';
import { type AreaKind, HandlerOrgKind } from './areas.js';
import type { Locale } from './locale.js';

export const AreaListDto = z.object({ items: z.array(AreaNodeDto) });
export type AreaListDto = z.infer<typeof AreaListDto>;

export const HandlerOrgListQuery = z.object({
  kind: HandlerOrgKind.optional(),
  /** orgs serving this node: attached to it, its community or its street */
  areaId: z.uuid().optional(),
});
export type HandlerOrgListQuery = z.infer<typeof HandlerOrgListQuery>;

export const HandlerOrgListDto = z.object({ items: z.array(HandlerOrgDto) });
export type HandlerOrgListDto = z.infer<typeof HandlerOrgListDto>;

/** Flat number: floor then a 2-digit index on the floor (3rd floor → 301, 302); basement B1 → B101. */
export function flatNumber(floorNo: number, index: number): string {
  const floor = floorNo < 0 ? `B${-floorNo}` : String(floorNo);
  return `${floor}${String(index).padStart(2, '0')}`;
}

const CODE_HINTS: Record<AreaKind, Record<Locale, string>> = {
  district: { 'zh-CN': '区代码应为6位数字（GB/T 2260）', en: 'A district code has 6 digits (GB/T 2260)' },
  street: { 'zh-CN': '街道代码应为9位数字，并以上级代码开头', en: "A street code has 9 digits and starts with its district's code" },
  community: {
    'zh-CN': '社区代码应为12位数字，并以上级代码开头',
    en: "A community code has 12 digits and starts with its street's code",
  },
  grid: { 'zh-CN': '网格代码应为15位数字，并以上级社区代码开头', en: "A grid code has 15 digits and starts with its community's code" },
  compound: {
    'zh-CN': '小区代码应为上级社区代码加“-”和2位数字，如 321003001001-01',
    en: "A compound code is its community's code, a hyphen and 2 digits, e.g. 321003001001-01",
  },
  building: {
    'zh-CN': '楼栋代码应为上级小区代码加“-”和3位数字，如 321003001001-01-001',
    en: "A building code is its compound's code, a hyphen and 3 digits, e.g. 321003001001-01-001",
  },
};

/** The expected format of an area code, for form hints and validation messages. */
export function areaCodeHint(kind: AreaKind, locale: Locale): string {
  return CODE_HINTS[kind][locale];
}
