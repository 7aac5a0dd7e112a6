import type { ImportColumn } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { analyse, columnLetter, initialRows, setField, toMapping } from './mapping-model';

const columns: ImportColumn[] = [
  { index: 3, header: '房号', field: 'flat' },
  { index: 1, header: '楼栋', field: 'building' },
  { index: 2, header: '姓名', field: 'name' },
  { index: 4, header: '手机', field: null },
];

describe('mapping model', () => {
  it('starts from the automatic mapping in sheet order', () => {
    const rows = initialRows(columns);
    expect(rows.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(rows[3]).toEqual({ index: 4, header: '手机', auto: null, field: null });
  });

  it('is ready when every required field has exactly one column', () => {
    const state = analyse(initialRows(columns));
    expect(state.missing).toEqual([]);
    expect(state.duplicates).toEqual([]);
    expect(state.isReady).toBe(true);
  });

  it('reports a required field that lost its column', () => {
    const state = analyse(setField(initialRows(columns), 2, null));
    expect(state.missing).toEqual(['name']);
    expect(state.isReady).toBe(false);
  });

  it('reports a field mapped to two columns', () => {
    const state = analyse(setField(initialRows(columns), 4, 'flat'));
    expect(state.duplicates).toEqual(['flat']);
    expect(state.isReady).toBe(false);
  });

  it('keeps the automatic choice beside the user choice', () => {
    const rows = setField(initialRows(columns), 4, 'phone');
    expect(rows[3]).toMatchObject({ auto: null, field: 'phone' });
    expect(rows[0]).toMatchObject({ auto: 'building', field: 'building' });
  });

  it('sends every column explicitly, ignored ones as null', () => {
    expect(toMapping(setField(initialRows(columns), 4, 'phone'))).toEqual({ '1': 'building', '2': 'name', '3': 'flat', '4': 'phone' });
    expect(toMapping(initialRows(columns))['4']).toBeNull();
  });

  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
