import { type Text, text } from '@linli/contracts';

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The rungs of the escalation ladder as a headline names them. */
const LEVEL: Record<string, Text> = {
  grid: text('网格', 'the grid'),
  community: text('社区', 'the community'),
  street: text('街道', 'the street'),
};

/** What a notification says, in both UI languages. */
export const NOTIFICATION_MESSAGES = {
  title: (orderNo: string, serviceName: string, headline: Text) =>
    text(`工单 ${orderNo}（${serviceName}）${headline['zh-CN']}`, `Order ${orderNo} (${serviceName}): ${headline.en}`),
  due: (at: Text) => text(`截止时间：${at['zh-CN']}`, `Due: ${at.en}`),
  updated: () => text('有新动态', 'updated'),
} satisfies Record<string, (...args: never[]) => Text>;

type HeadlineOf = { audience: string; userId: string; details: Record<string, unknown> };

/** Internal entries addressed to one person (`details.notice`, `details.toUserId`): a Red Butler hand-over or hand-back. */
function noticeHeadline(r: HeadlineOf): Text | null {
  const toMe = r.details.toUserId === r.userId;
  if (r.details.notice === 'handed') return toMe ? text('交给你处理', 'handed to you') : text('已交给志愿者处理', 'handed to a volunteer');
  if (r.details.notice === 'given_back')
    return toMe
      ? text('志愿者交回，请重新安排', 'given back by the volunteer: hand it on again')
      : text('志愿者已交回', 'given back by the volunteer');
  return null;
}

/** What happened, per event kind, as the headline after the order's number and service. */
export const HEADLINES: Record<string, (r: HeadlineOf) => Text> = {
  place: () => text('新工单待派单', 'new order waiting for dispatch'),
  dispatch: (r) =>
    r.audience === 'handler' ? text('派给你单位的新工单', 'dispatched to your organisation') : text('已派单', 'dispatched'),
  transfer: () => text('转派给你单位', 'transferred to your organisation'),
  return: () => text('被退回，待重新派单', 'returned, waiting for re-dispatch'),
  accept: () => text('已被接单', 'accepted'),
  handle: () => text('已办结，请确认评价', 'handled: please confirm and rate'),
  request_extension: () => text('申请延期待审批', 'extension requested'),
  approve_extension: () => text('延期已批准', 'extension approved'),
  merge: (r) => text(`已并入工单 ${str(r.details.intoOrderNo)}`, `joined order ${str(r.details.intoOrderNo)}`),
  absorb: (r) => text(`工单 ${str(r.details.orderNo)} 已并入本单`, `order ${str(r.details.orderNo)} was merged into it`),
  withdraw: () => text('已撤回', 'withdrawn'),
  contest: () => text('居民不认可，需返工', 'contested by the resident: rework needed'),
  close: () => text('已结案', 'closed'),
  comment: (r) => noticeHeadline(r) ?? text('有新留言', 'new comment'),
  reminder: () => text('即将到期', 'due soon'),
  overdue: () => text('已超时', 'overdue'),
  escalate: (r) => {
    const level = LEVEL[str(r.details.level)] ?? text('上级', 'the next level');
    return text(`超时升级至${level['zh-CN']}`, `overdue, escalated to ${level.en}`);
  },
};
