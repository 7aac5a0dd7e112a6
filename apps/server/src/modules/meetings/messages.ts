import { type Text, text } from '@linli/contracts';

/** Messages the meetings module writes itself, in both UI languages. */
export const MEETING_MESSAGES = {
  notACommunity: () => text('请选择社区', 'Choose a community'),
  residentNotFound: () => text('该居民不在本社区的居民档案中', 'This resident is not in the registry of the community'),
  orgNotFound: () => text('单位不存在', 'Unknown organisation'),
  duplicateInvitee: () => text('同一人员不能重复邀请', 'Invited twice'),
  inviteesFrozen: () =>
    text('会议已召开，参会名单不能再改，只能登记出席', 'The meeting was held: invitees are fixed, only attendance can be marked'),
  unknownInvitee: () => text('不是本次会议的参会人员', 'Not an invitee of this meeting'),
  badMove: (from: string, to: string) => text(`会议不能从“${from}”变为“${to}”`, `A meeting cannot go from ${from} to ${to}`),
  minutesNeeded: () => text('归档前请填写会议纪要', 'Write the minutes before closing the meeting'),
  notHeld: () => text('会议召开后才能记录决议', 'Decisions are recorded once the meeting is held'),
  closed: () => text('会议已归档，不能修改', 'The meeting is closed and cannot change'),
  alreadyActed: () => text('该决议已落实，不能重复转办', 'This decision was already turned into action'),
  actionUnderway: () => text('该决议正在转办中，请稍后刷新查看', 'This decision is being turned into action: refresh in a moment'),
  orderNote: (title: string, decision: string) => text(`${title}决议：${decision}`, `Decision of ${title}: ${decision}`),
} satisfies Record<string, (...args: never[]) => Text>;
