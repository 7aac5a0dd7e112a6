import { CareTagCode, type CareTagDto, type Locale, text } from '@linli/contracts';

/** The tag's name in the UI language; a tag without an English name shows its Chinese one. */
export function careTagLabel(tag: Pick<CareTagDto, 'labelZh' | 'labelEn'>, locale: Locale): string {
  return text(tag.labelZh, tag.labelEn || tag.labelZh)[locale];
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
