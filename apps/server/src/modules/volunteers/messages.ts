import { type Text, text } from '@linli/contracts';

/** Messages the volunteers module writes itself, in both UI languages. */
export const VOLUNTEER_MESSAGES = {
  nameRequired: () => text('请填写姓名或选择居民', 'Give a name or choose a resident'),
  notInCommunity: () => text('只能登记本社区的居民', 'Only residents of the community can be registered'),
  alreadyRegistered: () => text('此人已登记为志愿者', 'This person is already a registered volunteer'),
  teamElsewhere: () => text('志愿队不属于该社区', 'The team belongs to another community'),
  consentNeeded: () => text('填写技能、时间或电话须先取得本人同意', 'Skills, availability and phone need the person\u2019s consent'),
  endBeforeStart: () => text('结束时间须晚于开始时间', 'The end must come after the start'),
  tooLong: () => text('单次服务不能超过 24 小时', 'One record cannot exceed 24 hours'),
  outsideActivity: () => text('时间须在活动时间之内', 'The time must lie within the activity\u2019s time'),
  inFuture: () => text('不能记录尚未发生的服务', 'Hours cannot be recorded for the future'),
  overlapping: () => text('与已有的服务记录时间重叠', 'Overlaps a service record already kept'),
  duplicate: () => text('此活动的时长已记录', 'Hours for this activity are already recorded'),
  notVolunteer: () => text('您还不是登记志愿者', 'You are not a registered volunteer'),
  alreadyDecided: () => text('该记录已审核', 'This record has already been checked'),
  ascending: () => text('星级门槛须逐级递增', 'Each star threshold must be higher than the one before'),
  volunteerRequired: () => text('请选择志愿者', 'Choose a volunteer'),
  orderNotHandable: () => text('该工单已办结或尚未派到本队，不能再转交', 'This order is done or not with the team: it cannot be handed on'),
  notOnRoster: () => text('只能交给本队有账号的志愿者', 'Only a volunteer of the team with an account can be handed it'),
  orderNotGivable: () => text('该工单已办结或已不在你手上，不能交回', 'This order is done or no longer yours: it cannot be given back'),
  givenBack: () => text('交回队长', 'given back to the leader'),
  reasonRequired: () => text('退回须说明理由', 'Give the reason for rejecting'),
  notInTeamCommunity: () => text('只能加入本社区的志愿者', 'Only volunteers of the team’s community can join it'),
  leaderNotMember: () => text('队长须是本队志愿者', 'The leader must be a volunteer of the team'),
  teamNameTaken: () => text('本社区已有同名队伍', 'The community already has a team of that name'),
  notInTeam: () => text('此人不在本队', 'This person is not on the team'),
} satisfies Record<string, (...args: never[]) => Text>;
