import { describe, expect, it } from 'vitest';
import { formatFieldValue } from './field-values';

const options = [
  { key: 'kitchen', name: '厨房' },
  { key: 'bath', name: '卫生间' },
];

describe('formatFieldValue', () => {
  it('names the options of list fields', () => {
    expect(formatFieldValue(['kitchen', 'bath'], { type: 'multivaluelist', options })).toBe('厨房、卫生间');
    expect(formatFieldValue('bath', { type: 'singlevaluelist', options })).toBe('卫生间');
  });
  it('keeps an unknown option key as it is', () => {
    expect(formatFieldValue('garage', { type: 'singlevaluelist', options })).toBe('garage');
  });
  it('prints numbers and text as they are, also without a field definition', () => {
    expect(formatFieldValue(3, { type: 'number', options: [] })).toBe('3');
    expect(formatFieldValue('漏水', undefined)).toBe('漏水');
  });
});
