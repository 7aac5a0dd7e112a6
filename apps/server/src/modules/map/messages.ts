import { type Text, text } from '@linli/contracts';

/** Messages the map module writes itself, in both UI languages. */
export const MAP_MESSAGES = {
  notOnSite: () => text('该楼栋不在此区域的平面图上', 'This building is not on this site map'),
  repeated: () => text('同一楼栋出现了两次', 'This building appears twice'),
  cellTaken: (other: string) => text(`该位置已有楼栋“${other}”`, `Building “${other}” already stands on this cell`),
} satisfies Record<string, (...args: never[]) => Text>;
