import { type Locale, TIME_LIMIT_PRESETS, type TimeLimits } from '@linli/contracts';
import { translate } from '../../app/i18n/translate';

export type PresetName = keyof typeof TIME_LIMIT_PRESETS;
export const PRESET_NAMES = Object.keys(TIME_LIMIT_PRESETS) as PresetName[];

/** A duration in minutes as people say it: 30 分钟, 2 小时, 24 小时, 7 天 (days from two on, and only when exact). */
export function humanMinutes(minutes: number, locale: Locale): string {
  if (minutes >= 2880 && minutes % 1440 === 0) return translate(locale, 'time.days', { n: minutes / 1440 });
  if (minutes >= 60 && minutes % 60 === 0) return translate(locale, 'time.hours', { n: minutes / 60 });
  return translate(locale, 'time.minutes', { n: minutes });
}

export const humanHours = (hours: number, locale: Locale) => humanMinutes(hours * 60, locale);

/** The preset these limits equal, if any. */
export function presetOf(limits: TimeLimits): PresetName | null {
  return (
    PRESET_NAMES.find((p) => (Object.keys(limits) as (keyof TimeLimits)[]).every((k) => TIME_LIMIT_PRESETS[p][k] === limits[k])) ?? null
  );
}
