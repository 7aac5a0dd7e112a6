import { describe, expect, it } from 'vitest';
import { waitUnit } from './use-seconds-left';

describe('waitUnit', () => {
  it('uses seconds under 90 s and whole minutes above', () => {
    expect(waitUnit(42)).toEqual({ unit: 'seconds', n: 42 });
    expect(waitUnit(897)).toEqual({ unit: 'minutes', n: 15 });
  });
});
