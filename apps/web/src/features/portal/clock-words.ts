import type { Locale, OrderClock } from '@linli/contracts';
import dayjs from 'dayjs';
import { translate } from '../../app/i18n/translate';
import { clockView, type ClockTone } from '../orders/clock-model';

export type ClockWordsKey =
  | 'portal.clock.dispatch'
  | 'portal.clock.accept'
  | 'portal.clock.handle'
  | 'portal.clock.confirm'
  | 'portal.clock.close'
  | 'portal.clock.overdue'
  | 'portal.clock.paused'
  | 'portal.clock.finished';

export type ClockWords = { key: ClockWordsKey; at: string | null; tone: ClockTone; escalation: 0 | 1 | 2 | 3 };

/** "今天 18:00", "明天 09:00", "11月25日 18:00" (another year: "2027年1月3日 09:00"); English alike. */
export function formatDueAt(iso: string, locale: Locale, now: number): string {
  const due = dayjs(iso);
  const today = dayjs(now).startOf('day');
  const days = due.startOf('day').diff(today, 'day');
  const time = due.format('HH:mm');
  if (days === 0) return translate(locale, 'portal.due.today', { time });
  if (days === 1) return translate(locale, 'portal.due.tomorrow', { time });
  const format = translate(locale, due.year() !== today.year() ? 'portal.due.dateFormat' : 'portal.due.dayFormat');
  return `${due.format(format)} ${time}`;
}

/** The clock as one plain sentence for a resident: what happens next and by when, or that it is late. */
export function clockWords(clock: OrderClock, locale: Locale, now: number): ClockWords {
  const view = clockView(clock, now);
  const escalation = clock.escalationLevel as 0 | 1 | 2 | 3;
  const at = clock.dueAt ? formatDueAt(clock.dueAt, locale, now) : null;
  if (view.tone === 'paused') return { key: 'portal.clock.paused', at: null, tone: view.tone, escalation };
  if (view.tone === 'done' || !view.stage) return { key: 'portal.clock.finished', at: null, tone: 'done', escalation };
  // A late confirmation is the resident's own step: remind, do not say "we are chasing it".
  if (view.tone === 'overdue' && view.stage !== 'confirm') return { key: 'portal.clock.overdue', at, tone: view.tone, escalation };
  return { key: `portal.clock.${view.stage}`, at, tone: view.tone, escalation };
}
