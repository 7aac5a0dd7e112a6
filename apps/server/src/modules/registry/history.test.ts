import { describe, expect, it } from 'vitest';
import { RESIDENT_FIELDS, diffFields } from './history.js';

const ID = '32100319800517001X';

describe('history diff', () => {
  it('lists changed fields in order, with from and to as text', () => {
    const before = { name: '张三', sex: 1, political: '13', volunteer: false, tags: ['disabled'] };
    const after = { name: '张三丰', sex: '1', political: '01', volunteer: true, tags: ['disabled'] };
    expect(diffFields(before, after, RESIDENT_FIELDS)).toEqual([
      { field: 'name', from: '张三', to: '张三丰' },
      { field: 'political', from: '13', to: '01' },
      { field: 'volunteer', from: 'false', to: 'true' },
    ]);
  });

  it('compares tags as sets and shows them sorted', () => {
    expect(diffFields({ tags: ['b', 'a'] }, { tags: ['a', 'b'] }, ['tags'])).toEqual([]);
    expect(diffFields({ tags: [] }, { tags: ['key_care', 'disabled'] }, ['tags'])).toEqual([
      { field: 'tags', from: null, to: 'disabled,key_care' },
    ]);
  });

  it('records that an ID number or phone changed, masked, never in plain text', () => {
    const changes = diffFields({ idNumber: null, phone: '13812345678' }, { idNumber: ID, phone: '13987654321' }, RESIDENT_FIELDS);
    expect(changes).toEqual([
      { field: 'idNumber', from: null, to: '321003********001X' },
      { field: 'phone', from: '138****5678', to: '139****4321' },
    ]);
    expect(JSON.stringify(changes)).not.toContain(ID);
    expect(JSON.stringify(changes)).not.toContain('13812345678');
  });

  it('treats null, undefined and empty alike, and leaves out fields the change does not name', () => {
    expect(diffFields({ note: null, name: 'x' }, { note: '' }, RESIDENT_FIELDS)).toEqual([]);
  });

  it('on creation lists every field that has a value', () => {
    expect(diffFields(null, { name: '李四', note: null, tags: [], status: 'active' }, RESIDENT_FIELDS)).toEqual([
      { field: 'name', from: null, to: '李四' },
      { field: 'status', from: null, to: 'active' },
    ]);
  });
});
