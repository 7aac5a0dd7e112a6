import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localiseIssues } from './i18n.js';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues as never[];
};

describe('localiseIssues', () => {
  const form = z.object({
    description: z.string().trim().min(5).max(10),
    hours: z.number().int().min(1).max(720),
    photos: z.array(z.string()).max(2),
    id: z.uuid(),
    kind: z.enum(['a', 'b']),
    name: z.string().min(1),
  });

  it('speaks plain Chinese for lengths, ranges, formats and choices, with the field path', () => {
    const issues = localiseIssues(
      issuesOf(form, { description: ' 灯 ', hours: 0, photos: ['1', '2', '3'], id: 'x', kind: 'c', name: '' }),
      'zh-CN',
    );
    expect(issues).toEqual([
      { path: 'description', message: '至少需要 5 个字' },
      { path: 'hours', message: '不能小于 1' },
      { path: 'photos', message: '最多 2 项' },
      { path: 'id', message: '格式不正确' },
      { path: 'kind', message: '请从给定的选项中选择' },
      { path: 'name', message: '此项为必填' },
    ]);
  });

  it('speaks English on request and names missing fields as required', () => {
    const issues = localiseIssues(
      issuesOf(form, { description: 'a long text, too long', hours: 721, photos: [], id: 'x', kind: 'a' }),
      'en',
      'body',
    );
    expect(issues).toContainEqual({ path: 'body.description', message: 'At most 10 characters' });
    expect(issues).toContainEqual({ path: 'body.hours', message: 'Must be at most 720' });
    expect(issues).toContainEqual({ path: 'body.name', message: 'Required' });
  });
});
