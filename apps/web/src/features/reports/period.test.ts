import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { canOpen, figureLink } from './figure-links';
import { presetPeriod, reportPath } from './period';

const today = dayjs('2026-12-07');
const anping = { id: '00000000-0000-4000-8000-000000000001', code: '321003001001', name: '安平社区', kind: 'community' as const };

describe('report periods', () => {
  it('are the 365 days up to today, this quarter, the last full quarter and this month', () => {
    expect(presetPeriod('year', today)).toEqual({ from: '2025-12-08', to: '2026-12-07' });
    expect(presetPeriod('quarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-07' });
    expect(presetPeriod('lastQuarter', today)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('lastQuarter', dayjs('2026-02-10'))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('month', today)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
  });

  it('keep the area and preset in the address', () => {
    expect(reportPath('/reports/work', '321003001001', 'quarter')).toBe('/reports/work?area=321003001001&period=quarter');
  });
});

describe('figure links', () => {
  it('open the list behind a figure, narrowed to the area and the part', () => {
    expect(figureLink('floating', anping)).toBe(`/registry?areaId=${anping.id}&residentType=floating`);
    expect(figureLink('careTagged', anping, 'low_income')).toBe(`/registry?areaId=${anping.id}&tags=low_income`);
    expect(figureLink('partyMembers', anping)).toBe(`/party/members?communityId=${anping.id}`);
    expect(figureLink('partyMembers', { ...anping, kind: 'street' })).toBe('/party/members');
    expect(figureLink('visitsDone', anping)).toBeNull();
  });

  it('are offered only where the user may open the list', () => {
    expect(canOpen('/party/members?communityId=x', ['party.read'])).toBe(true);
    expect(canOpen('/party/members?communityId=x', ['registry.read'])).toBe(false);
    expect(canOpen('/registry?areaId=x', ['registry.read'])).toBe(true);
  });
});
