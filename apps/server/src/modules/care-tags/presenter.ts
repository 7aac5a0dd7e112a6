import { CareTag, type CareTagDto, defaultCareTag } from '@linli/contracts';
import type { CareTagSettingRow } from './repo.js';

const BUILT_IN = new Set<string>(CareTag.options);

export function isBuiltInTag(code: string): code is CareTag {
  return BUILT_IN.has(code);
}

export function presentSetting(s: CareTagSettingRow): CareTagDto {
  return {
    code: s.code,
    labelZh: s.labelZh,
    labelEn: s.labelEn,
    color: s.color,
    appliesTo: s.appliesTo,
    visitEveryDays: s.visitEveryDays,
    builtIn: isBuiltInTag(s.code),
    active: s.active,
  };
}

/** The built-in tags (in contract order) with a community's settings laid over them, then its own tags by code. */
export function mergeCareTags(settings: readonly CareTagSettingRow[]): CareTagDto[] {
  const own = new Map(settings.map((s) => [s.code, presentSetting(s)]));
  const builtIns = CareTag.options.map((code) => own.get(code) ?? defaultCareTag(code));
  const custom = [...own.values()].filter((t) => !t.builtIn).sort((a, b) => (a.code < b.code ? -1 : 1));
  return [...builtIns, ...custom];
}
