import { type Text, text } from '@linli/contracts';

/** Texts of the exported workbooks (sheet and file names, headers the import template has no label for). */
export const EXPORT_MESSAGES = {
  residentsSheet: () => text('居民', 'Residents'),
  householdsSheet: () => text('住户', 'Households'),
  residentsFile: (stamp: string) => text(`居民-${stamp}.xlsx`, `residents-${stamp}.xlsx`),
  householdsFile: (stamp: string) => text(`住户-${stamp}.xlsx`, `households-${stamp}.xlsx`),
  age: () => text('年龄', 'Age'),
  members: () => text('人数', 'Members'),
  grid: () => text('网格', 'Grid'),
  status: () => text('状态', 'Status'),
  listSeparator: () => text('、', ', '),
} satisfies Record<string, (...args: never[]) => Text>;
