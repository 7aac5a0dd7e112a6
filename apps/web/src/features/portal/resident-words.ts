import type { Locale, OrderStatus, TimelineEntry, TimelineKind } from '@linli/contracts';

/**
 * What residents read in the portal: statuses and timeline steps in plain words, never the office's terms
 * (待派单, 待结案, 系统). Staff pages keep ORDER_STATUS_LABELS and the orders.* messages.
 */
type Words = Record<Locale, string>;

export const RESIDENT_STATUS_WORDS: Record<OrderStatus, Words> = {
  placed: { 'zh-CN': '已收到，等待安排处理人', en: 'Received, finding someone to help' },
  dispatched: { 'zh-CN': '已安排处理单位，等待接单', en: 'Passed to a service team, waiting for them to take it' },
  accepted: { 'zh-CN': '处理人已接单', en: 'Someone has taken it' },
  in_progress: { 'zh-CN': '正在处理', en: 'Being worked on' },
  handled: { 'zh-CN': '已处理好，请您确认', en: 'Done, please check and confirm' },
  confirmed: { 'zh-CN': '您已确认', en: 'You confirmed it' },
  closed: { 'zh-CN': '已办结', en: 'Finished' },
  suspended: { 'zh-CN': '暂停处理', en: 'On hold' },
  merged: { 'zh-CN': '与另一单一起处理', en: 'Handled together with another order' },
  withdrawn: { 'zh-CN': '您已撤回', en: 'You withdrew it' },
};

/** One line per step of the timeline, saying what happened. */
export const RESIDENT_EVENT_WORDS: Record<TimelineKind, Words> = {
  place: { 'zh-CN': '提交了这个单子', en: 'Sent this order' },
  dispatch: { 'zh-CN': '已安排处理单位', en: 'Passed it to a service team' },
  transfer: { 'zh-CN': '换了一个处理单位', en: 'Passed it to another service team' },
  return: { 'zh-CN': '正在重新安排', en: 'Finding someone else to help' },
  accept: { 'zh-CN': '接下了这件事', en: 'Took it on' },
  start: { 'zh-CN': '开始处理', en: 'Started work' },
  handle: { 'zh-CN': '已处理好', en: 'Finished the work' },
  request_extension: { 'zh-CN': '需要多一些时间', en: 'Asked for more time' },
  approve_extension: { 'zh-CN': '同意多给一些时间', en: 'Gave more time' },
  reject_extension: { 'zh-CN': '请按原定时间完成', en: 'Asked to finish on time' },
  suspend: { 'zh-CN': '暂停处理', en: 'Put it on hold' },
  resume: { 'zh-CN': '继续处理', en: 'Carried on with it' },
  merge: { 'zh-CN': '与同一件事的单子一起处理', en: 'Joined it with an order about the same matter' },
  withdraw: { 'zh-CN': '撤回了这个单子', en: 'Withdrew this order' },
  confirm: { 'zh-CN': '确认已处理好，并做了评价', en: 'Confirmed it is done and rated it' },
  contest: { 'zh-CN': '还没解决，请再处理', en: 'Said it is not solved yet' },
  close: { 'zh-CN': '已办结', en: 'Finished' },
  comment: { 'zh-CN': '留言', en: 'Message' },
  reminder: { 'zh-CN': '提醒尽快处理', en: 'Reminded to hurry' },
  overdue: { 'zh-CN': '超过了约定时间，正在催办', en: 'Late, chasing it up' },
  escalate: { 'zh-CN': '已请上级督办', en: 'Asked higher up to follow it' },
  absorb: { 'zh-CN': '同一件事的另一单并到这里一起处理', en: 'Another order about the same matter joined here' },
  attach: { 'zh-CN': '添加了照片或文件', en: 'Added photos or files' },
};

export type ResidentActor = 'you' | 'handler' | 'station' | 'staff';

export const RESIDENT_ACTOR_WORDS: Record<ResidentActor, Words> = {
  you: { 'zh-CN': '您', en: 'You' },
  handler: { 'zh-CN': '处理人', en: 'Service team' },
  station: { 'zh-CN': '社区服务站', en: 'Community service station' },
  staff: { 'zh-CN': '工作人员', en: 'Staff' },
};

/** Steps only a handler (the service team) makes. */
const HANDLER_KINDS: readonly TimelineKind[] = ['accept', 'start', 'handle', 'return', 'request_extension'];
/** Steps that may be anyone's: a message or a photo. */
const ANYONE_KINDS: readonly TimelineKind[] = ['comment', 'attach'];

/** Who made a step, in the resident's words: 您 for themselves, 处理人 for the service team, else 社区服务站. */
export function residentActor(entry: Pick<TimelineEntry, 'kind' | 'actor'>, meId: string): ResidentActor {
  if (entry.actor?.id === meId) return 'you';
  if (HANDLER_KINDS.includes(entry.kind)) return 'handler';
  if (entry.actor && ANYONE_KINDS.includes(entry.kind)) return 'staff';
  return 'station';
}
