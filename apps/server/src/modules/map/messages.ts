import type { Locale } from '@linli/contracts';

type Text = Record<Locale, string>;

/** Messages the map module writes itself, in both UI languages. */
export const MAP_MESSAGES = {
  notOnSite: () => ({ 'zh-CN': '该楼栋不在此区域的平面图上', en: 'This building is not on this site map' }),
  repeated: () => ({ 'zh-CN': '同一楼栋出现了两次', en: 'This building appears twice' }),
  cellTaken: (other: string) => ({ 'zh-CN': `该位置已有楼栋“${other}”`, en: `Building “${other}” already stands on this cell` }),
} satisfies Record<string, (...args: never[]) => Text>;
