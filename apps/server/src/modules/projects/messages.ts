import { type Text, text } from '@linli/contracts';

/** Messages the projects module writes itself, in both UI languages. */
export const PROJECT_MESSAGES = {
  buyerUnknown: () => text('采购方须为本辖区内的街道或社区', 'The buyer must be a street or community in your scope'),
  providerUnknown: () => text('承接方须为本街道的社会组织', 'The provider must be a social organisation of this street'),
  period: () => text('结束日期不能早于开始日期', 'The end date cannot be before the start date'),
  weights: () => text('各评分指标的权重之和须为 100', 'The weights of the criteria must sum to 100'),
  keys: () => text('评分指标不能重复', 'Each criterion may appear only once'),
  contractTaken: () => text('该合同编号已存在', 'This contract number is already used'),
  scorecardLocked: () => text('已有提交的评估，评分表不能再修改', 'Evaluations have been submitted; the scorecard can no longer change'),
  notManual: () => text('该指标由关联数据自动统计，不能手工填写', 'This KPI is counted from linked records and cannot be typed in'),
  notLinked: () => text('该记录未关联到本项目，请刷新后重试', 'This record is not linked to the project; reload and try again'),
  linkUnknown: () => text('关联对象不存在或不在项目范围内', 'No such record in the project’s area'),
  evaluatorUnknown: () => text('该用户不是本辖区的第三方评估人员', 'This user is not a third-party evaluator of this area'),
  scoresIncomplete: () => text('请为评分表中的每一项打分（0–100）', 'Score every criterion of the scorecard (0–100)'),
  alreadySubmitted: () => text('您已提交过评估，不能重复提交', 'You have already submitted an evaluation'),
  itemUnknown: () => text('该条目不属于本项目，请刷新后重试', 'This item is not part of the project; reload and try again'),
  evaluatorSubmitted: () =>
    text('该评估人员已提交过评估，不能取消指派', 'This evaluator has already submitted an evaluation and cannot be removed'),
  fileType: () => text('证明材料只接受 PDF、JPEG、PNG 或 WebP 文件', 'Evidence must be a PDF, JPEG, PNG or WebP file'),
} satisfies Record<string, (...args: never[]) => Text>;
