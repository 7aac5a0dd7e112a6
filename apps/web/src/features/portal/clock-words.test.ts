import type { OrderClock } from '@linli/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { clockWords, formatDueAt } from './clock-words';

const now = dayjs('2026-11-24T10:00:00').valueOf();
const local = (text: string) => dayjs(text).toISOString();
const clock = (over: Partial<OrderClock>): OrderClock => ({
  stage: 'handle',
  dueAt: local('2026-11-25T18:00:00'),
  overdue: false,
  escalationLevel: 0,
  paused: false,
  ...over,
});

describe('formatDueAt', () => {
  it('says today and tomorrow in words, other days by date', () => {
    expect(formatDueAt(local('2026-11-24T18:00:00'), 'zh-CN', now)).toBe('今天 18:00');
    expect(formatDueAt(local('2026-11-25T09:05:00'), 'zh-CN', now)).toBe('明天 09:05');
    expect(formatDueAt(local('2026-11-28T18:00:00'), 'zh-CN', now)).toBe('11月28日 18:00');
    expect(formatDueAt(local('2027-01-03T09:00:00'), 'zh-CN', now)).toBe('2027年1月3日 09:00');
    expect(formatDueAt(local('2026-11-25T09:05:00'), 'en', now)).toBe('tomorrow 09:05');
    expect(formatDueAt(local('2026-11-28T18:00:00'), 'en', now)).toBe('28 Nov 18:00');
  });
});

describe('clockWords', () => {
  it('names the running stage and its deadline', () => {
    expect(clockWords(clock({}), 'zh-CN', now)).toEqual({ key: 'portal.clock.handle', at: '明天 18:00', tone: 'ok', escalation: 0 });
    expect(clockWords(clock({ stage: 'dispatch' }), 'zh-CN', now).key).toBe('portal.clock.dispatch');
  });

  it('says a past deadline is overdue and carries the escalation level', () => {
    const late = clockWords(clock({ dueAt: local('2026-11-24T08:00:00'), overdue: true, escalationLevel: 2 }), 'zh-CN', now);
    expect(late).toEqual({ key: 'portal.clock.overdue', at: '今天 08:00', tone: 'overdue', escalation: 2 });
  });

  it('keeps asking the resident to rate when their own confirmation is late', () => {
    const words = clockWords(clock({ stage: 'confirm', dueAt: local('2026-11-23T08:00:00'), overdue: true }), 'zh-CN', now);
    expect(words.key).toBe('portal.clock.confirm');
  });

  it('reports paused and finished clocks without a time', () => {
    expect(clockWords(clock({ paused: true }), 'zh-CN', now)).toMatchObject({ key: 'portal.clock.paused', at: null });
    expect(clockWords(clock({ stage: null, dueAt: null }), 'zh-CN', now)).toMatchObject({ key: 'portal.clock.finished', at: null });
  });
});
