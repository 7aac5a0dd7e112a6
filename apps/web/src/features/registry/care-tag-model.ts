import {
  CARE_TAG_APPLIES_TO,
  CARE_TAG_COLORS,
  CARE_TAG_LABELS,
  CARE_TAG_VISIT_DAYS,
  CareTag,
  CareTagCode,
  type CareTagDto,
  type Locale,
} from '@linli/contracts';

/** The defaults of DOMAIN.md, used while (or when) the community's own list cannot be loaded. */
export function defaultCareTags(): CareTagDto[] {
  return CareTag.options.map((code) => ({
    code,
    labelZh: CARE_TAG_LABELS[code]['zh-CN'],
    labelEn: CARE_TAG_LABELS[code].en,
    color: CARE_TAG_COLORS[code],
    appliesTo: CARE_TAG_APPLIES_TO[code],
    visitEveryDays: CARE_TAG_VISIT_DAYS[code],
    builtIn: true,
    active: true,
  }));
}

export function careTagLabel(tag: Pick<CareTagDto, 'labelZh' | 'labelEn'>, locale: Locale): string {
  return locale === 'en' ? tag.labelEn || tag.labelZh : tag.labelZh;
}

/** Finds a tag by code; an unknown code (e.g. a tag removed since) still shows, as its code in grey. */
export function describeTag(tags: readonly CareTagDto[], code: string, locale: Locale): { label: string; color: string } {
  const hit = tags.find((t) => t.code === code);
  return hit ? { label: careTagLabel(hit, locale), color: hit.color } : { label: code, color: 'default' };
}

/** The tags one may put on a person or on a household, active ones only. */
export function tagsFor(tags: readonly CareTagDto[], target: 'person' | 'household'): CareTagDto[] {
  return tags.filter((t) => t.active && (t.appliesTo === 'both' || t.appliesTo === target));
}

/** A custom code has the contracts' format and is not taken. */
export function isValidCustomCode(code: string, taken: readonly string[]): boolean {
  return CareTagCode.safeParse(code).success && !taken.includes(code);
}
