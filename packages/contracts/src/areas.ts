import { z } from 'zod';

/** Area tree levels: 区 → 街道 → 社区 → 小区 / 网格 → 楼栋. */
export const AreaKind = z.enum(['district', 'street', 'community', 'compound', 'grid', 'building']);
export type AreaKind = z.infer<typeof AreaKind>;

export const AREA_KIND_LABELS: Record<AreaKind, { 'zh-CN': string; en: string }> = {
  district: { 'zh-CN': '区', en: 'District' },
  street: { 'zh-CN': '街道', en: 'Street' },
  community: { 'zh-CN': '社区', en: 'Community' },
  compound: { 'zh-CN': '小区', en: 'Compound' },
  grid: { 'zh-CN': '网格', en: 'Grid' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
};

/** Which kinds may sit under which; a building hangs under a compound and names its grid. */
export const AREA_CHILD_KINDS: Record<AreaKind, readonly AreaKind[]> = {
  district: ['street'],
  street: ['community'],
  community: ['compound', 'grid'],
  compound: ['building'],
  grid: [],
  building: [],
};

/**
 * Code formats: district 6 digits (GB/T 2260), street 9, community 12, grid 15 (DB11/T 2157);
 * compound = community code + "-" + 2 digits; building = compound code + "-" + 3 digits.
 */
export const AREA_CODE_PATTERNS: Record<AreaKind, RegExp> = {
  district: /^\d{6}$/,
  street: /^\d{9}$/,
  community: /^\d{12}$/,
  grid: /^\d{15}$/,
  compound: /^\d{12}-\d{2}$/,
  building: /^\d{12}-\d{2}-\d{3}$/,
};

/** True when `code` has the format of `kind` and extends its parent's code. */
export function isValidAreaCode(kind: AreaKind, code: string, parentCode?: string): boolean {
  if (!AREA_CODE_PATTERNS[kind].test(code)) return false;
  if (!parentCode) return kind === 'district';
  return code.startsWith(parentCode) && code.length > parentCode.length;
}

export const HandlerOrgKind = z.enum(['property', 'social_org', 'legal_center', 'volunteer_team', 'street_dept', 'utility']);
export type HandlerOrgKind = z.infer<typeof HandlerOrgKind>;

export const HANDLER_ORG_KIND_LABELS: Record<HandlerOrgKind, { 'zh-CN': string; en: string }> = {
  property: { 'zh-CN': '物业公司', en: 'Property company' },
  social_org: { 'zh-CN': '社会组织', en: 'Social organisation' },
  legal_center: { 'zh-CN': '法律服务中心', en: 'Legal service center' },
  volunteer_team: { 'zh-CN': '志愿服务队', en: 'Volunteer team' },
  street_dept: { 'zh-CN': '街道部门', en: 'Street department' },
  utility: { 'zh-CN': '公用事业单位', en: 'Utility' },
};
