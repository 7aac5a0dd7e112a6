import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsFromFilters } from './filter-params';

const SERVICE = '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b';

describe('order filter params', () => {
  it('round-trips the filters a list keeps', () => {
    const f = { status: 'placed' as const, serviceId: SERVICE, category: 'property' as const, overdue: true, q: '漏水', page: 3 };
    expect(filtersFromParams(paramsFromFilters(f))).toEqual(f);
  });
  it('leaves out defaults and empty values', () => {
    expect(paramsFromFilters({ page: 1, q: '', overdue: false }).toString()).toBe('');
  });
  it('drops a bad filter and keeps the others', () => {
    const params = new URLSearchParams({ status: 'nonsense', category: 'property', page: '-2', overdue: 'yes' });
    expect(filtersFromParams(params)).toEqual({ category: 'property' });
  });
});
