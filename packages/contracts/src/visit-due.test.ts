import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate, tagIntervals, visitIntervals, visitState } from './visit-due.js';

const defaults = visitIntervals();

describe('visit intervals', () => {
  it('starts from the default days per care tag', () => {
    expect(defaults.get('elderly_alone')).toBe(7);
    expect(defaults.get('entitled')).toBe(90);
    expect(defaults.get('no_such_tag')).toBeUndefined();
  });

  it("lays a community's settings over the defaults: changed, switched off, custom", () => {
    const m = visitIntervals([
      { code: 'elderly_alone', visitEveryDays: 3, active: true },
      { code: 'entitled', visitEveryDays: 90, active: false },
      { code: 'disabled', visitEveryDays: null, active: true },
      { code: 'veteran_widow', visitEveryDays: 21, active: true },
    ]);
    expect(m.get('elderly_alone')).toBe(3);
    expect(m.get('entitled')).toBeNull();
    expect(m.get('disabled')).toBeNull();
    expect(m.get('veteran_widow')).toBe(21);
    expect(m.get('empty_nest')).toBe(14);
  });

  it('lists the tags asking for visits, most demanding first, ignoring unknown tags and duplicates', () => {
    expect(tagIntervals(['entitled', 'vip', 'empty_nest', 'key_care', 'empty_nest'], defaults)).toEqual([
      { tag: 'key_care', days: 7 },
      { tag: 'empty_nest', days: 14 },
      { tag: 'entitled', days: 90 },
    ]);
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-27', 3)).toBe('2024-03-01');
    expect(addDays('2023-12-30', 7)).toBe('2024-01-06');
    expect(daysBetween('2024-02-27', '2024-03-01')).toBe(3);
    expect(daysBetween('2024-03-01', '2024-02-27')).toBe(-3);
  });

  it("takes the calendar date in China's time zone", () => {
    expect(localDate(new Date('2024-05-31T16:30:00Z'))).toBe('2024-06-01');
    expect(localDate(new Date('2024-05-31T15:30:00Z'))).toBe('2024-05-31');
  });
});

describe('visitState', () => {
  const base = { intervals: defaults, since: '2024-01-01', today: '2024-03-01' };

  it('asks nothing of a household without care tags', () => {
    expect(visitState({ ...base, tags: ['vip'], lastVisitOn: null })).toEqual({
      everyDays: null,
      nextVisitDue: null,
      daysOverdue: 0,
      reasonTags: [],
    });
  });

  it('applies the shortest interval among all tags, counted from the last visit', () => {
    const s = visitState({ ...base, tags: ['disabled', 'empty_nest'], lastVisitOn: '2024-02-20' });
    expect(s).toEqual({ everyDays: 14, nextVisitDue: '2024-03-05', daysOverdue: 0, reasonTags: [] });
  });

  it('makes a household never visited due from the day it came under care, naming all its tags once that day has passed', () => {
    const s = visitState({ ...base, tags: ['entitled', 'disabled', 'elderly_alone'], lastVisitOn: null, today: '2024-02-05' });
    expect(s).toEqual({ everyDays: 7, nextVisitDue: '2024-01-01', daysOverdue: 35, reasonTags: ['elderly_alone', 'disabled', 'entitled'] });
    const sameDay = visitState({ ...base, tags: ['elderly_alone'], lastVisitOn: null, today: '2024-01-01' });
    expect(sameDay).toEqual({ everyDays: 7, nextVisitDue: '2024-01-01', daysOverdue: 0, reasonTags: [] });
  });

  it('is not overdue on the due date itself, and one day overdue the day after', () => {
    const onDue = visitState({ ...base, tags: ['key_care'], lastVisitOn: '2024-02-23' });
    expect(onDue).toMatchObject({ nextVisitDue: '2024-03-01', daysOverdue: 0, reasonTags: [] });
    const dayAfter = visitState({ ...base, tags: ['key_care'], lastVisitOn: '2024-02-22' });
    expect(dayAfter).toMatchObject({ nextVisitDue: '2024-02-29', daysOverdue: 1, reasonTags: ['key_care'] });
  });

  it("follows the community's own setting", () => {
    const intervals = visitIntervals([{ code: 'empty_nest', visitEveryDays: 60, active: true }]);
    const s = visitState({ ...base, intervals, tags: ['empty_nest'], lastVisitOn: '2024-01-15' });
    expect(s).toMatchObject({ everyDays: 60, nextVisitDue: '2024-03-15', daysOverdue: 0 });
  });
});
