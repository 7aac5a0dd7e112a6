import { describe, expect, it } from 'vitest';
import { CareTag, defaultCareTags } from './care-tags.js';

describe('care tag defaults', () => {
  it('offers every default tag with a colour and a visit frequency', () => {
    const tags = defaultCareTags();
    expect(tags.map((t) => t.code)).toEqual(CareTag.options);
    for (const t of tags) {
      expect(t.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(t.visitEveryDays).toBeGreaterThan(0);
    }
  });
});
