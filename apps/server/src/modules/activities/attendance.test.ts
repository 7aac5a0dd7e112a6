import { DEFAULT_STAR_THRESHOLDS, starLevel } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { attendanceSpan, isCheckInOpen } from './attendance.js';
import { type ActivityRef, fitsAudience } from './policy.js';

const at = (h: number, m = 0) => new Date(Date.UTC(2026, 0, 10, h, m));
const a = { startsAt: at(9), endsAt: at(11) };

describe('attendance', () => {
  it('counts from the start for those on time or within the 30-minute grace, from arrival for later ones', () => {
    expect(attendanceSpan(a, { checkedInAt: at(8, 50), checkedOutAt: null })).toEqual({ startsAt: at(9), endsAt: at(11) });
    expect(attendanceSpan(a, { checkedInAt: at(9, 25), checkedOutAt: null })).toEqual({ startsAt: at(9), endsAt: at(11) });
    expect(attendanceSpan(a, { checkedInAt: at(10), checkedOutAt: null })).toEqual({ startsAt: at(10), endsAt: at(11) });
  });

  it('ends at an early check-out, and counts the whole activity when staff enter attendance afterwards', () => {
    expect(attendanceSpan(a, { checkedInAt: at(9), checkedOutAt: at(10, 30) })).toEqual({ startsAt: at(9), endsAt: at(10, 30) });
    expect(attendanceSpan(a, { checkedInAt: at(15), checkedOutAt: null })).toEqual({ startsAt: at(9), endsAt: at(11) });
  });

  it('opens check-in an hour before the start and closes it 12 hours after the end', () => {
    expect(isCheckInOpen(a, at(7, 59))).toBe(false);
    expect(isCheckInOpen(a, at(8))).toBe(true);
    expect(isCheckInOpen(a, at(23))).toBe(true);
    expect(isCheckInOpen(a, at(23, 1))).toBe(false);
  });
});

describe('audience', () => {
  const base: ActivityRef = {
    communityId: 'c',
    organiserUserId: null,
    status: 'open',
    audienceAreaId: null,
    audienceTag: null,
    audienceTeamId: null,
  };
  const person = { areaIds: ['c', 'b1'], tags: ['elderly_alone'], volunteer: { id: 'v', teamId: 't1' } };
  it('lets everyone in without an audience, and only those of the area, tag or team otherwise', () => {
    expect(fitsAudience(base, { areaIds: [], tags: [], volunteer: null })).toBe(true);
    expect(fitsAudience({ ...base, audienceAreaId: 'b1' }, person)).toBe(true);
    expect(fitsAudience({ ...base, audienceAreaId: 'b2' }, person)).toBe(false);
    expect(fitsAudience({ ...base, audienceTag: 'disabled' }, person)).toBe(false);
    expect(fitsAudience({ ...base, audienceTeamId: 't1' }, person)).toBe(true);
    expect(fitsAudience({ ...base, audienceTeamId: 't1' }, { ...person, volunteer: null })).toBe(false);
  });
});

describe('star levels', () => {
  it('reaches a star at each default threshold (100/300/600/1000/1500 h) and follows a community’s own', () => {
    expect([0, 99.9, 100, 299, 300, 600, 999, 1000, 1500, 5000].map((h) => starLevel(h))).toEqual([0, 0, 1, 1, 2, 3, 3, 4, 5, 5]);
    expect(DEFAULT_STAR_THRESHOLDS).toEqual([100, 300, 600, 1000, 1500]);
    expect(starLevel(50, [10, 50, 200])).toBe(2);
  });
});
