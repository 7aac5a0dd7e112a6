import { type Text, text } from '@linli/contracts';

/** Messages the activities module writes itself, in both UI languages. */
export const ACTIVITY_MESSAGES = {
  endBeforeStart: () => text('结束时间须晚于开始时间', 'The end must come after the start'),
  notInCommunity: () => text('所选区域、志愿队不属于该社区', 'The area or team belongs to another community'),
  alreadySignedUp: () => text('您已报名此活动', 'You have already signed up for this activity'),
  notOpen: () => text('活动不在报名中', 'The activity is not open'),
  notAudience: () => text('此活动面向特定对象，您不在其中', 'This activity is for a particular audience that does not include you'),
  wrongCode: () => text('签到码不正确', 'The check-in code is wrong'),
  alreadyCheckedIn: () => text('已签到，无需重复签到', 'Already checked in'),
  notConfirmed: () => text('只有报名成功（非候补）的人可以签到', 'Only confirmed sign-ups (not the waitlist) can check in'),
  checkInClosed: () =>
    text('不在签到时间内（开始前 1 小时至结束后 12 小时）', 'Check-in is open from an hour before the start to 12 hours after the end'),
  notCheckedIn: () => text('尚未签到', 'Not checked in yet'),
  alreadyCheckedOut: () => text('已签退', 'Already checked out'),
  notEnded: () => text('活动尚未结束', 'The activity has not ended yet'),
  codeOrSignup: () => text('请输入签到码', 'Enter the check-in code'),
  noSignup: () => text('您没有报名此活动', 'You have not signed up for this activity'),
  yearOrDates: () => text('请选择年度或起止日期，不能同时选择', 'Ask for a year or for dates, not both'),
} satisfies Record<string, (...args: never[]) => Text>;
