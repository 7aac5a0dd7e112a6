/**
 * A feature's own dictionary: Chinese defines the keys, English must have exactly the same.
 * Features keep their messages beside their pages and add one spread line in zh.ts and en.ts.
 */
export function defineMessages<const Z extends Record<string, string>>(
  zh: Z,
  en: Record<keyof Z, string>,
): { zh: Z; en: Record<keyof Z, string> } {
  return { zh, en };
}
