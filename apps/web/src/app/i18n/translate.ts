import { Locale } from '@linli/contracts';
import { en } from './en';
import { type MessageKey, zh } from './zh';

export type { MessageKey };
export const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };
export const LOCALE_STORAGE_KEY = 'linli.locale';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** Looks a key up in the locale's dictionary and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = DICTIONARIES[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Picks the label for the locale out of the contracts' `{ 'zh-CN', en }` label records. */
export function labelIn(locale: Locale, label: Record<Locale, string>): string {
  return label[locale];
}

/** The language the user chose explicitly on this device, if any. */
export function readStoredLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Locale | null {
  const parsed = Locale.safeParse(storage?.getItem(LOCALE_STORAGE_KEY));
  return parsed.success ? parsed.data : null;
}
