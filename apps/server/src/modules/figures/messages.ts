import type { FiguresGroupBy, Locale } from '@linli/contracts';

type Text = Record<Locale, string>;
const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

/** The name of the group of orders that lack the grouping key. */
export const NO_GROUP: Partial<Record<FiguresGroupBy, Text>> = {
  handler: t('未派单', 'Not dispatched'),
  grid: t('未划入网格', 'No grid'),
};

export const FIGURES_MESSAGES = {
  fromAfterTo: () => t('开始日期不能晚于结束日期', 'The start date cannot be after the end date'),
  tooLong: (months: number) => t(`统计区间最长 ${months} 个月`, `The period can be at most ${months} months`),
  unknown: () => t('（未知）', '(unknown)'),
  total: () => t('合计', 'Total'),
} satisfies Record<string, (...args: never[]) => Text>;
