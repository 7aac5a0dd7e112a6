import { describe, expect, it } from 'vitest';
import { issuesToFields, toFieldPath } from './issues';

describe('issuesToFields', () => {
  it('maps dotted server paths to antd field names with numeric list indexes', () => {
    expect(toFieldPath('assignments.0.areaId')).toEqual(['assignments', 0, 'areaId']);
  });

  it('groups messages per field and keeps pathless issues apart', () => {
    const { fields, general } = issuesToFields([
      { path: 'code', message: 'a' },
      { path: 'code', message: 'b' },
      { path: '', message: 'body' },
    ]);
    expect(fields).toEqual([{ name: ['code'], errors: ['a', 'b'] }]);
    expect(general).toEqual(['body']);
  });
});
