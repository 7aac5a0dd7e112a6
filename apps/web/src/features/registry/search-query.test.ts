import { describe, expect, it } from 'vitest';
import { exportUrl, householdQuery, readRegistryState, residentQuery, writeRegistryState, type RegistryState } from './search-query';

const AREA = '0b6b6a3e-6a7e-4c1e-9a55-3c4b1f0d2a10';

describe('residentQuery', () => {
  it('sends only the filters that are set, tags as a comma list', () => {
    expect(residentQuery({ q: ' zs ', tags: ['elderly_alone', 'disabled'], address: '' }, { page: 2, pageSize: 20 })).toEqual({
      q: 'zs',
      tags: 'elderly_alone,disabled',
      page: 2,
      pageSize: 20,
    });
  });

  it('swaps an age range given the wrong way round', () => {
    expect(residentQuery({ ageMin: 80, ageMax: 60 })).toMatchObject({ ageMin: 60, ageMax: 80 });
    expect(residentQuery({ ageMin: 0 })).toMatchObject({ ageMin: 0 });
  });

  it('keeps resident-only filters out of the household query', () => {
    const q = householdQuery({ q: 'zs', residentType: 'floating', political: '01', tenure: 'rented', address: '12-1-803' });
    expect(q).toEqual({ tenure: 'rented', address: '12-1-803' });
  });

  it('drops a deceased status from the household query', () => {
    expect(householdQuery({ status: 'deceased' })).toEqual({});
    expect(householdQuery({ status: 'moved_out' })).toEqual({ status: 'moved_out' });
  });
});

describe('exportUrl', () => {
  it('carries the filters but no paging', () => {
    expect(exportUrl('residents', { q: '张三', tags: ['low_income'] })).toBe(
      '/api/exports/residents.xlsx?q=%E5%BC%A0%E4%B8%89&tags=low_income',
    );
    expect(exportUrl('households', { tenure: 'owner', q: 'ignored' })).toBe('/api/exports/households.xlsx?tenure=owner');
    expect(exportUrl('residents', {})).toBe('/api/exports/residents.xlsx');
  });
});

describe('registry state in the address bar', () => {
  it('reads back what it writes', () => {
    const state: RegistryState = {
      tab: 'households',
      filters: { address: '12-1-803', tags: ['key_care'], tenure: 'rented', areaId: AREA, status: 'moved_out' },
      page: 3,
      pageSize: 50,
    };
    expect(readRegistryState(writeRegistryState(state))).toEqual({
      ...state,
      filters: { ...state.filters, q: undefined, residentType: undefined, ageMin: undefined, ageMax: undefined, political: undefined },
    });
  });

  it('leaves the defaults out of the URL', () => {
    expect(writeRegistryState({ tab: 'residents', filters: {}, page: 1, pageSize: 20 }).toString()).toBe('');
  });

  it('drops malformed values', () => {
    const s = readRegistryState(
      new URLSearchParams('tab=x&residentType=alien&areaId=nope&ageMin=-3&ageMax=999&political=1&page=0&pageSize=7&tags=,,a,'),
    );
    expect(s.tab).toBe('residents');
    expect(s.filters).toMatchObject({
      residentType: undefined,
      areaId: undefined,
      ageMin: undefined,
      ageMax: undefined,
      political: undefined,
    });
    expect(s.filters.tags).toEqual(['a']);
    expect(s.page).toBe(1);
    expect(s.pageSize).toBe(20);
  });
});
