import { TIME_LIMIT_PRESETS } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { humanHours, humanMinutes, presetOf } from './time-limits';

describe('time limits as people read them', () => {
  it('says minutes, hours and days in Chinese and English', () => {
    expect(humanHours(2, 'zh-CN')).toBe('2 小时');
    expect(humanHours(7 * 24, 'zh-CN')).toBe('7 天');
    expect(humanHours(24, 'zh-CN')).toBe('24 小时');
    expect(humanHours(36, 'zh-CN')).toBe('36 小时');
    expect(humanHours(48, 'zh-CN')).toBe('2 天');
    expect(humanMinutes(30, 'zh-CN')).toBe('30 分钟');
    expect(humanMinutes(90, 'en')).toBe('90 min');
    expect(humanHours(15 * 24, 'en')).toBe('15 d');
  });

  it('recognises a preset only when every limit matches', () => {
    expect(presetOf(TIME_LIMIT_PRESETS.utility)).toBe('utility');
    expect(presetOf({ ...TIME_LIMIT_PRESETS.general, handleHours: 100 })).toBeNull();
  });
});
