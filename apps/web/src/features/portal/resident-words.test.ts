import { Locale, ORDER_STATUS_LABELS, OrderStatus, TimelineKind, type TimelineEntry } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { RESIDENT_ACTOR_WORDS, RESIDENT_EVENT_WORDS, RESIDENT_STATUS_WORDS, residentActor } from './resident-words';

const ALL_KINDS: readonly TimelineKind[] = TimelineKind.options.flatMap((o) => o.options);
/** Office terms a resident should never read. */
const JARGON = /派单|结案|挂起|并单|系统|处置|→|_/;

describe('resident words', () => {
  it('say every order status in plain zh and en, not the staff label', () => {
    for (const status of OrderStatus.options) {
      for (const locale of Locale.options) {
        const words = RESIDENT_STATUS_WORDS[status]?.[locale];
        expect(words, `${status} ${locale}`).toBeTruthy();
        expect(words).not.toBe(ORDER_STATUS_LABELS[status][locale]);
      }
      expect(RESIDENT_STATUS_WORDS[status]['zh-CN']).not.toMatch(JARGON);
    }
    expect(Object.keys(RESIDENT_STATUS_WORDS).sort()).toEqual([...OrderStatus.options].sort());
  });

  it('say every timeline step in plain zh and en', () => {
    expect(ALL_KINDS.length).toBe(23);
    for (const kind of ALL_KINDS) {
      for (const locale of Locale.options) expect(RESIDENT_EVENT_WORDS[kind]?.[locale], `${kind} ${locale}`).toBeTruthy();
      expect(RESIDENT_EVENT_WORDS[kind]['zh-CN']).not.toMatch(JARGON);
    }
    expect(Object.keys(RESIDENT_EVENT_WORDS).sort()).toEqual([...ALL_KINDS].sort());
  });

  it('uses the words the issue asks for', () => {
    expect(RESIDENT_STATUS_WORDS.placed['zh-CN']).toBe('已收到，等待安排处理人');
    expect(RESIDENT_STATUS_WORDS.handled['zh-CN']).toBe('已处理好，请您确认');
    expect(RESIDENT_EVENT_WORDS.return['zh-CN']).toBe('正在重新安排');
  });

  it('names who made a step: you, the handler, or the station, never 系统', () => {
    const me = '00000000-0000-4000-8000-000000000001';
    const other = { id: '00000000-0000-4000-8000-000000000002', name: '张师傅' };
    const entry = (kind: TimelineKind, actor: TimelineEntry['actor']) => ({ kind, actor });
    expect(residentActor(entry('place', { id: me, name: '李阿姨' }), me)).toBe('you');
    expect(residentActor(entry('comment', { id: me, name: '李阿姨' }), me)).toBe('you');
    expect(residentActor(entry('accept', other), me)).toBe('handler');
    expect(residentActor(entry('handle', other), me)).toBe('handler');
    expect(residentActor(entry('dispatch', other), me)).toBe('station');
    expect(residentActor(entry('overdue', null), me)).toBe('station');
    expect(residentActor(entry('comment', other), me)).toBe('staff');
    for (const who of Object.values(RESIDENT_ACTOR_WORDS)) expect(who['zh-CN']).not.toMatch(JARGON);
  });
});
