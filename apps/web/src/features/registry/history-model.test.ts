import { describe, expect, it } from 'vitest';
import { actionKey, fieldKey, formatValue, splitTags } from './history-model';

const labels = {
  locale: 'zh-CN' as const,
  tenure: (v: string) => `tenure:${v}`,
  status: (v: string) => `status:${v}`,
  residentType: (v: string) => `type:${v}`,
  tagLabel: (c: string) => `#${c}`,
  yes: '是',
  no: '否',
};

describe('history model', () => {
  it('recognises actions however the server spells them', () => {
    expect(actionKey('registry.household.moveOut')).toBe('move_out');
    expect(actionKey('resident.move-out')).toBe('move_out');
    expect(actionKey('registry.resident.death')).toBe('death');
    expect(actionKey('household.created')).toBe('create');
    expect(actionKey('registry.reveal')).toBeNull();
  });

  it('recognises fields in camel or snake case, flatId as the flat', () => {
    expect(fieldKey('residentType')).toBe('residentType');
    expect(fieldKey('resident_type')).toBe('residentType');
    expect(fieldKey('flatId')).toBe('flat');
    expect(fieldKey('whatever')).toBeNull();
  });

  it('formats codes, enums, tags and booleans for people', () => {
    expect(formatValue('relation', '02', labels)).toBe('户主');
    expect(formatValue('political', '01', labels)).toBe('中共党员');
    expect(formatValue('tenure', 'rented', labels)).toBe('tenure:rented');
    expect(formatValue('tenure', 'castle', labels)).toBe('castle');
    expect(formatValue('status', 'deceased', labels)).toBe('status:deceased');
    expect(formatValue('tags', '["a","b"]', labels)).toBe('#a、#b');
    expect(formatValue('volunteer', 'true', labels)).toBe('是');
    expect(formatValue(null, 'raw', labels)).toBe('raw');
  });

  it('splits tags written as JSON or as a list', () => {
    expect(splitTags('a, b，c')).toEqual(['a', 'b', 'c']);
    expect(splitTags('[broken')).toEqual(['[broken']);
    expect(splitTags('')).toEqual([]);
  });
});
