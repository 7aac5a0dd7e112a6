import { type FiguresGroupBy, type Text, text } from '@linli/contracts';

/** The name of the group of orders that lack the grouping key. */
export const NO_GROUP: Partial<Record<FiguresGroupBy, Text>> = {
  handler: text('未派单', 'Not dispatched'),
  grid: text('未划入网格', 'No grid'),
};

/** The title of each grouping, as the workbook names its sheet and first column. */
export const GROUP_TITLE: Record<FiguresGroupBy, Text> = {
  service: text('服务项目', 'Service'),
  category: text('服务类别', 'Category'),
  handler: text('处置单位', 'Handler'),
  grid: text('网格', 'Grid'),
  community: text('社区', 'Community'),
  street: text('街道', 'Street'),
};

export const FIGURES_MESSAGES = {
  fromAfterTo: () => text('开始日期不能晚于结束日期', 'The start date cannot be after the end date'),
  tooLong: (months: number) => text(`统计区间最长 ${months} 个月`, `The period can be at most ${months} months`),
  unknown: () => text('（未知）', '(unknown)'),
  total: () => text('合计', 'Total'),
  months: () => text('按月', 'Months'),
  month: () => text('月份', 'Month'),
} satisfies Record<string, (...args: never[]) => Text>;
