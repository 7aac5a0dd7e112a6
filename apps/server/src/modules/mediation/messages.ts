import { type Text, text } from '@linli/contracts';

/** Messages the mediation module writes itself, in both UI languages. */
export const MEDIATION_MESSAGES = {
  communityRequired: () => text('请选择社区或来源工单', 'Choose a community or the order it comes from'),
  residentNotFound: () => text('当事人不在本社区的居民档案中', 'This party is not in the registry of the community'),
  mediatorNotAllowed: () => text('调解员须为本社区的调解人员', 'A mediator must be one of the community’s mediation staff'),
  duplicateParty: () => text('同一当事人不能重复列入', 'A party is listed twice'),
  bothSides: () => text('须有申请人和被申请人', 'A case needs an applicant and a respondent'),
  draftExists: () => text('已有未签署的协议草稿，请先修改或签署', 'An unsigned draft exists: change or sign it first'),
  signedFrozen: () =>
    text('协议已签署，不能修改，只能另拟新协议替代', 'A signed agreement cannot be changed, only superseded by a new one'),
  agreedNeedsSigned: () => text('达成协议结案须有已签署的调解协议', 'Closing as agreed needs a signed agreement'),
  notOpen: () => text('案件已结案', 'The case is closed'),
  orderResult: (no: string, outcome: string, summary: string) =>
    text(`调解案件 ${no} 已结案（${outcome}）：${summary}`, `Mediation case ${no} closed (${outcome}): ${summary}`),
  orderOpened: (no: string) => text(`已转入矛盾纠纷调解，案件号 ${no}`, `Taken into dispute mediation as case ${no}`),
  reminder: (no: string) => text(`调解案件 ${no} 将于一周内到期`, `Mediation case ${no} is due within a week`),
  escalated: (no: string) =>
    text(`调解案件 ${no} 已超过一个月期限，已上报街道`, `Mediation case ${no} passed its one-month limit and went to the street`),
} satisfies Record<string, (...args: never[]) => Text>;

export const OUTCOME_LABELS = {
  agreed: () => text('达成协议', 'agreed'),
  failed: () => text('调解不成', 'no agreement'),
  withdrawn: () => text('撤回', 'withdrawn'),
} satisfies Record<string, () => Text>;
