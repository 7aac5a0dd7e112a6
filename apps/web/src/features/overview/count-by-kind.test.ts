import { describe, expect, it } from 'vitest';
import { countByKind } from './count-by-kind';

describe('countByKind', () => {
  it('counts in tree order and leaves out absent kinds', () => {
    expect(countByKind([{ kind: 'grid' }, { kind: 'compound' }, { kind: 'grid' }])).toEqual([
      { kind: 'compound', count: 1 },
      { kind: 'grid', count: 2 },
    ]);
  });
});
