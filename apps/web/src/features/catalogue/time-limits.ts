import { type Locale, TIME_LIMIT_PRESETS, type TimeLimits } from '@linli/contracts';

export type PresetName = keyof typeof TIME_LIMIT_PRESETS;
export const PRESET_NAMES = Object.keys(TIME_LIMIT_PRESETS) as PresetName[];

const UNITS = {
  'zh-CN': { minute: '分钟', hour: '小时', day: '天', sep: ' ' },
  en: { minute: 'min', hour: 'h', day: 'd', sep: ' ' },
} as const;

/** A duration in minutes as people say it: 30 分钟, 2 小时, 24 小时, 7 天 (days from two on, and only when exact). */
export function humanMinutes(minutes: number, locale: Locale): string {
  const u = UNITS[locale];
  if (minutes >= 2880 && minutes % 1440 === 0) return `${minutes / 1440}${u.sep}${u.day}`;
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60}${u.sep}${u.hour}`;
  return `${minutes}${u.sep}${u.minute}`;
}

export const humanHours = (hours: number, locale: Locale) => humanMinutes(hours * 60, locale);

/** The preset these limits equal, if any. */
export function presetOf(limits: TimeLimits): PresetName | null {
  return (
    PRESET_NAMES.find((p) => (Object.keys(limits) as (keyof TimeLimits)[]).every((k) => TIME_LIMIT_PRESETS[p][k] === limits[k])) ?? null
  );
}
