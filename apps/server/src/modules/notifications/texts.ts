import type { Locale } from '@linli/contracts';
import type { RecipientRow } from './recipients.js';

type Both = { 'zh-CN': string; en: string };
const t = (zh: string, en: string): Both => ({ 'zh-CN': zh, en });

const LEVEL: Record<string, Both> = {
  grid: t('网格', 'the grid'),
  community: t('社区', 'the community'),
  street: t('街道', 'the street'),
};

/** What happened, per event kind, as the headline after the order's number and service. */
const HEADLINE: Record<string, (r: RecipientRow) => Both> = {
  place: () => t('新工单待派单', 'new order waiting for dispatch'),
  dispatch: (r) => (r.audience === 'handler' ? t('派给你单位的新工单', 'dispatched to your organisation') : t('已派单', 'dispatched')),
  transfer: () => t('转派给你单位', 'transferred to your organisation'),
  return: () => t('被退回，待重新派单', 'returned, waiting for re-dispatch'),
  accept: () => t('已被接单', 'accepted'),
  handle: () => t('已办结，请确认评价', 'handled: please confirm and rate'),
  request_extension: () => t('申请延期待审批', 'extension requested'),
  approve_extension: () => t('延期已批准', 'extension approved'),
  merge: (r) => t(`已并入工单 ${str(r.details.intoOrderNo)}`, `joined order ${str(r.details.intoOrderNo)}`),
  absorb: (r) => t(`工单 ${str(r.details.orderNo)} 已并入本单`, `order ${str(r.details.orderNo)} was merged into it`),
  withdraw: () => t('已撤回', 'withdrawn'),
  contest: () => t('居民不认可，需返工', 'contested by the resident: rework needed'),
  close: () => t('已结案', 'closed'),
  comment: () => t('有新留言', 'new comment'),
  reminder: () => t('即将到期', 'due soon'),
  overdue: () => t('已超时', 'overdue'),
  escalate: (r) => {
    const level = LEVEL[str(r.details.level)] ?? t('上级', 'the next level');
    return t(`超时升级至${level['zh-CN']}`, `overdue, escalated to ${level.en}`);
  },
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function formatTime(at: Date, locale: Locale): string {
  return at.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

export const localeOf = (raw: string): Locale => (raw === 'en' ? 'en' : 'zh-CN');

/** Title and body of one notification in the recipient's language, naming the order number and the service. */
export function notificationText(r: RecipientRow): { title: string; body: string } {
  const locale = localeOf(r.locale);
  const headline = (HEADLINE[r.kind] ?? (() => t('有新动态', 'updated')))(r)[locale];
  const title = locale === 'en' ? `Order ${r.orderNo} (${r.serviceName}): ${headline}` : `工单 ${r.orderNo}（${r.serviceName}）${headline}`;
  const lines: string[] = [];
  if (r.text) lines.push(r.text);
  const due = r.kind === 'approve_extension' || r.kind === 'reminder' ? r.stageDueAt : null;
  if (due) lines.push(locale === 'en' ? `Due: ${formatTime(due, locale)}` : `截止时间：${formatTime(due, locale)}`);
  return { title, body: lines.join('\n') };
}
