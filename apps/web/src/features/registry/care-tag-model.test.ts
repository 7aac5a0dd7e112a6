import { defaultCareTags } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { careTagLabel, describeTag, isValidCustomCode, tagsFor } from './care-tag-model';

describe('care tag model', () => {
  const tags = defaultCareTags();

  it('labels in the UI language and shows unknown codes as they are', () => {
    expect(describeTag(tags, 'elderly_alone', 'zh-CN').label).toBe('独居老人');
    expect(describeTag(tags, 'elderly_alone', 'en').label).toBe('Elderly living alone');
    expect(describeTag(tags, 'gone_tag', 'en')).toEqual({ label: 'gone_tag', color: 'default' });
    expect(careTagLabel({ labelZh: '退役军人', labelEn: '' }, 'en')).toBe('退役军人');
  });

  it('offers persons and households only the active tags that apply to them', () => {
    const custom = { ...tags[0]!, code: 'veteran', appliesTo: 'household' as const, active: false };
    const all = [...tags, custom];
    expect(tagsFor(all, 'person').some((t) => t.appliesTo === 'household')).toBe(false);
    expect(tagsFor(all, 'household').some((t) => t.code === 'veteran')).toBe(false);
    expect(tagsFor(all, 'household').every((t) => t.appliesTo !== 'person')).toBe(true);
  });

  it('accepts a custom code only in the contract format and when free', () => {
    expect(isValidCustomCode('veteran_family', ['elderly_alone'])).toBe(true);
    expect(isValidCustomCode('elderly_alone', ['elderly_alone'])).toBe(false);
    expect(isValidCustomCode('Veteran', [])).toBe(false);
    expect(isValidCustomCode('1abc', [])).toBe(false);
  });
});
