// Two-character surnames from the Hundred Family Surnames that still occur; anything else masks after one character.
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 司徒 司空 夏侯 长孙 宇文 轩辕 端木 独孤 南宫 西门 百里 呼延 澹台 太史 申屠 钟离 闻人 赫连 万俟 单于 公冶 濮阳 淳于 仲孙 东郭 拓跋 第五'.split(
    ' ',
  ),
);

/** The surname and a star (张三 → 张*, 欧阳修 → 欧阳*), for lists many people see. */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '*';
  const chars = [...trimmed];
  if (/^[\x20-\x7e]+$/.test(trimmed)) return `${trimmed.split(/\s+/)[0]} *`;
  const surname = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? chars.slice(0, 2).join('') : chars[0]!;
  return `${surname}*`;
}
