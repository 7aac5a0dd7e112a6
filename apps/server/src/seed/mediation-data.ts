import type { AgreementTerms, DisputeKind } from '@linli/contracts';

/** Anping's year of mediation (矛盾纠纷调解), case by case: the kind, and whether an order of that service opened it. */
export const MEDIATION_PLAN: readonly { kind: DisputeKind; fromOrder?: string }[] = [
  ...Array.from({ length: 16 }, () => ({ kind: 'parking' as const })),
  ...Array.from({ length: 12 }, (_, i) => ({
    kind: 'property_fee' as const,
    ...(i % 4 === 0 ? { fromOrder: 'property-fee-dispute' } : {}),
  })),
  ...Array.from({ length: 6 }, (_, i) => ({ kind: 'neighbour' as const, ...(i % 3 === 0 ? { fromOrder: 'neighbour-dispute' } : {}) })),
  ...Array.from({ length: 4 }, (_, i) => ({
    kind: 'renovation_noise' as const,
    ...(i % 2 === 0 ? { fromOrder: 'renovation-noise' } : {}),
  })),
  { kind: 'family', fromOrder: 'family-dispute' },
  { kind: 'family' },
];

/** Outcomes of the closed cases, by position among them (the rest agreed): 4 without agreement, 2 withdrawn. */
export const FAILED_AT = new Set([5, 13, 22, 30]);
export const WITHDRAWN_AT = new Set([9, 26]);
/** Still open: opened this many days before the seed's `now` (the first is past its month, so escalated). */
export const OPEN_DAYS_AGO = [34, 12, 4];

export const MEDIATION_TEXTS: Record<DisputeKind, { title: string; facts: string; notes: string; terms: AgreementTerms }> = {
  parking: {
    title: '鸿福家园车位占用纠纷',
    facts: '双方因楼下公共停车位长期被一方占用、另一方车辆无处停放发生争执。',
    notes: '双方陈述车位使用情况，调解员说明小区车位按议事协商结果轮流使用。',
    terms: {
      facts: '双方系鸿福家园同一楼栋住户。',
      matters: '楼下公共车位的使用。',
      responsibility: '一方长期占用公共车位，负主要责任。',
      agreed: '公共车位按单双周轮流停放，不得加装地锁。',
      performance: '自签署次日起履行，社区网格员每周查看，一个月后回访。',
    },
  },
  property_fee: {
    title: '佳竹苑物业费纠纷',
    facts: '业主以电梯维修不及时为由拒交物业费，物业公司要求补缴。',
    notes: '物业公司出示维修记录，业主陈述电梯停运影响，双方同意分期补缴并改进维修响应。',
    terms: {
      facts: '业主居住佳竹苑，物业公司为康居物业。',
      matters: '欠缴物业费与电梯维修服务质量。',
      responsibility: '物业维修响应迟缓，业主拒交费用亦有不当。',
      agreed: '业主分三期补缴欠费，物业公司减免滞纳金并承诺电梯故障 24 小时内修复。',
      performance: '三个月内分期缴清，社区一个月后回访。',
    },
  },
  neighbour: {
    title: '邻里漏水纠纷',
    facts: '楼上卫生间漏水致楼下天花板受损，双方就维修费用发生争执。',
    notes: '现场查看漏水点，双方同意由楼上修复防水层并赔偿楼下粉刷费用。',
    terms: {
      facts: '双方系上下楼邻居。',
      matters: '卫生间漏水造成的损失。',
      responsibility: '楼上防水层老化，负全部责任。',
      agreed: '楼上两周内修复防水层，赔偿楼下粉刷费用 800 元。',
      performance: '修复完成后当面交付赔偿款，社区回访确认。',
    },
  },
  renovation_noise: {
    title: '装修噪音扰民纠纷',
    facts: '楼上装修在午休和夜间施工，影响楼下老人休息。',
    notes: '调解员宣读小区装修管理规定，双方确定施工时间。',
    terms: {
      facts: '双方系上下楼邻居。',
      matters: '装修施工时间与噪音。',
      responsibility: '楼上未按规定时间施工。',
      agreed: '仅在工作日 8:00–12:00、14:00–18:00 施工，周末不施工。',
      performance: '自签署之日起履行至装修结束，社区一周后回访。',
    },
  },
  family: {
    title: '赡养老人家庭纠纷',
    facts: '子女就老人的赡养费用分担和照料安排发生争执。',
    notes: '调解员讲解赡养义务，家庭成员协商照料轮值。',
    terms: {
      facts: '双方系同一户家庭成员。',
      matters: '老人赡养费用与日常照料。',
      responsibility: '双方均负有赡养义务。',
      agreed: '赡养费用按月平均分担，照料按周轮值。',
      performance: '自下月起履行，社区每季度回访。',
    },
  },
  labour: { title: '劳动纠纷', facts: '', notes: '', terms: { facts: '', matters: '', responsibility: '', agreed: '', performance: '' } },
  other: { title: '其他纠纷', facts: '', notes: '', terms: { facts: '', matters: '', responsibility: '', agreed: '', performance: '' } },
};
