import { type Locale, type Text, pickLocale } from '@linli/contracts';
import { HEADLINES, NOTIFICATION_MESSAGES } from './messages.js';
import type { RecipientRow } from './repo-recipients.js';

/** How each UI language writes a date and time. */
const DATE_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

function formatTime(at: Date): Text {
  const format = (locale: Locale) =>
    at.toLocaleString(DATE_LOCALE[locale], { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
  return { 'zh-CN': format('zh-CN'), en: format('en') };
}

/** Title and body of one notification in the recipient's language, naming the order number and the service. */
export function notificationText(r: RecipientRow): { title: string; body: string } {
  const locale = pickLocale(r.locale);
  const headline = HEADLINES[r.kind]?.(r) ?? NOTIFICATION_MESSAGES.updated();
  const title = NOTIFICATION_MESSAGES.title(r.orderNo, r.serviceName, headline)[locale];
  const lines: string[] = [];
  if (r.text) lines.push(r.text);
  const due = r.kind === 'approve_extension' || r.kind === 'reminder' ? r.stageDueAt : null;
  if (due) lines.push(NOTIFICATION_MESSAGES.due(formatTime(due))[locale]);
  return { title, body: lines.join('\n') };
}
