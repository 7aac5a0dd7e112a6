import { type Text, text } from '@linli/contracts';

/** Messages the programmes module writes itself, in both UI languages. */
export const PROGRAMME_MESSAGES = {
  providerUnknown: () => text('服务机构不存在或不在本街道', 'No such provider organisation in this street'),
  residentUnknown: () => text('该居民不在本社区', 'This resident does not live in this community'),
  notEligible: () =>
    text('该居民不符合本项目的参加条件（年龄或关爱标签）', 'This resident does not meet the programme’s age or care-tag conditions'),
  alreadyEnrolled: () => text('该居民已参加本项目', 'This resident is already enrolled'),
  full: () => text('本项目名额已满', 'The programme is full'),
  notEnrolled: () => text('出席人员须为本项目的参加者', 'Attendees must be enrolled in this programme'),
  visitUnknown: () => text('走访记录不存在或不属于该户', 'No such visit for this household'),
  enrolmentUnknown: () => text('本项目没有这条在册记录', 'No such live enrolment in this programme'),
  endBeforeStart: () => text('结束日期不能早于参加日期', 'The end date is before the enrolment date'),
  needUnknown: () => text('走访记录中没有这项需求', 'The visit has no such need'),
  agesReversed: () => text('最高年龄不能小于最低年龄', 'The maximum age is below the minimum age'),
  belowEnrolled: () => text('名额不能少于目前在册人数', 'The capacity is below the number now enrolled'),
  notInCommunity: () => text('该居民不在本项目所在社区', 'This resident does not live in the programme’s community'),
} satisfies Record<string, (...args: never[]) => Text>;
