import { describe, expect, it } from 'vitest';
import { TIME_LIMIT_PRESETS } from './catalogue-dto.js';
import { addWorkingMinutes, escalationFor, remindAt, stageDueAt } from './order-deadlines.js';

/** A China local time (UTC+8) as a Date. */
const cst = (local: string) => new Date(`${local}+08:00`);

describe('addWorkingMinutes', () => {
  it('adds inside a working day', () => {
    expect(addWorkingMinutes(cst('2026-11-24T10:00:00'), 30)).toEqual(cst('2026-11-24T10:30:00'));
  });
  it('starts at 08:30 when placed before opening, and carries over the evening', () => {
    expect(addWorkingMinutes(cst('2026-11-24T06:37:00'), 30)).toEqual(cst('2026-11-24T09:00:00'));
    expect(addWorkingMinutes(cst('2026-11-24T17:20:00'), 30)).toEqual(cst('2026-11-25T08:50:00'));
  });
  it('skips the weekend: Friday evening and Saturday night are due on Monday morning', () => {
    expect(addWorkingMinutes(cst('2026-11-27T18:00:00'), 30)).toEqual(cst('2026-11-30T09:00:00'));
    expect(addWorkingMinutes(cst('2026-11-28T23:00:00'), 60)).toEqual(cst('2026-11-30T09:30:00'));
  });
  it('spans several days for long limits', () => {
    expect(addWorkingMinutes(cst('2026-11-24T08:30:00'), 9 * 60 * 2 + 10)).toEqual(cst('2026-11-26T08:40:00'));
  });
});

describe('stageDueAt', () => {
  const general = TIME_LIMIT_PRESETS.general;
  const night = cst('2026-11-24T06:25:00');
  it('counts dispatch and acceptance in working time for ordinary services', () => {
    expect(stageDueAt('dispatch', night, general, { emergency: false })).toEqual(cst('2026-11-24T09:00:00'));
    expect(stageDueAt('accept', night, general, { emergency: false })).toEqual(cst('2026-11-24T12:30:00'));
  });
  it('runs round the clock for emergencies', () => {
    const e = TIME_LIMIT_PRESETS.emergency;
    expect(stageDueAt('dispatch', night, e, { emergency: true })).toEqual(cst('2026-11-24T06:35:00'));
    expect(stageDueAt('accept', night, e, { emergency: true })).toEqual(cst('2026-11-24T06:40:00'));
    expect(stageDueAt('handle', night, e, { emergency: true })).toEqual(cst('2026-11-24T08:25:00'));
  });
  it('adds approved extension hours to handling, and runs confirm and close in calendar time', () => {
    expect(stageDueAt('handle', night, general, { emergency: false, extraHours: 24 })).toEqual(cst('2026-12-02T06:25:00'));
    expect(stageDueAt('confirm', night, general, { emergency: false })).toEqual(cst('2026-11-27T06:25:00'));
    expect(stageDueAt('close', night, general, { emergency: false })).toEqual(cst('2026-11-27T06:25:00'));
  });
});

describe('escalation and reminders', () => {
  const due = cst('2026-11-24T12:00:00');
  it('escalates to the grid when late, the community after half the stage (at least an hour), the street after 1.5 stages', () => {
    const at = (local: string) => escalationFor(due, 240, cst(local));
    expect(at('2026-11-24T12:00:00')).toBe(0);
    expect(at('2026-11-24T12:01:00')).toBe(1);
    expect(at('2026-11-24T14:00:00')).toBe(2);
    expect(at('2026-11-24T17:59:00')).toBe(2);
    expect(at('2026-11-24T18:00:00')).toBe(3);
    expect(escalationFor(due, 30, cst('2026-11-24T12:59:00'))).toBe(1);
  });
  it('reminds once 80 % of the stage is used', () => {
    expect(remindAt(cst('2026-11-24T10:00:00'), due)).toEqual(cst('2026-11-24T11:36:00'));
  });
});
