import { type Text, text } from '@linli/contracts';

/** Messages the orgs module writes itself, in both UI languages. */
export const ORG_MESSAGES = {
  nameTaken: () => text('该区域已有同名单位', 'An organisation of this name already serves this area'),
  areaKind: () => text('处置单位只能挂在街道或社区上', 'An organisation serves a street or a community'),
  hasUsers: () => text('还有用户属于该单位，不能删除', 'Users are still assigned to this organisation'),
  inUse: () => text('该单位仍被其他记录引用，不能删除', 'Other records still refer to this organisation'),
} satisfies Record<string, (...args: never[]) => Text>;
