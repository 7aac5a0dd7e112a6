import { text } from '@linli/contracts';

export const REPORT_MESSAGES = {
  noArea: () => text('找不到该区域', 'No such area in your scope'),
  fromAfterTo: () => text('开始日期不能晚于结束日期', 'The start date cannot be after the end date'),
  tooLong: (months: number) => text(`报告区间最长 ${months} 个月`, `The period can be at most ${months} months`),
  kind: () => text('只能为区、街道、社区或网格生成工作报告', 'A work report is made for a district, street, community or grid'),
  title: (area: string, from: string, to: string) =>
    text(`${area}工作报告（${from} 至 ${to}）`, `Work report of ${area}, ${from} to ${to}`),
  figure: () => text('指标', 'Figure'),
  value: () => text('数值', 'Value'),
  part: () => text('分项', 'Part'),
  summary: () => text('概览', 'Summary'),
  compare: () => text('分区对比', 'By area'),
  months: () => text('按月', 'By month'),
  month: () => text('月份', 'Month'),
  area: () => text('区域', 'Area'),
  rates: () => text('响应率 / 解决率 / 满意率', 'Response / resolution / satisfaction rate'),
};
