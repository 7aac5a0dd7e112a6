import type { ResidentDto } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { changedFields, fromResident, hasHead, NEW_MEMBER, toResidentInput } from './member-values';

const resident: ResidentDto = {
  id: '7d1f0c4e-2b1a-4f7e-8a55-3c4b1f0d2a10',
  householdId: '8e2f0c4e-2b1a-4f7e-8a55-3c4b1f0d2a10',
  name: '张三',
  sex: '1',
  birthDate: '1950-03-01',
  age: 75,
  idNumber: '320102********1234',
  phone: '138****5678',
  relation: '02',
  political: '01',
  ethnicity: '01',
  residentType: 'registered',
  status: 'active',
  tags: ['elderly_alone'],
  volunteer: false,
  note: null,
  abilities: { canEdit: true, canReveal: true, canRevealPhone: true },
};

describe('member values', () => {
  it('trims and leaves out empty optional fields', () => {
    const input = toResidentInput({
      ...NEW_MEMBER,
      name: ' 李四 ',
      relation: '10',
      idNumber: ' 11010519491231002x ',
      phone: '  ',
      note: '',
    });
    expect(input).toMatchObject({ name: '李四', idNumber: '11010519491231002X', relation: '10', political: '13', ethnicity: '01' });
    expect(input.phone).toBeUndefined();
    expect(input.note).toBeUndefined();
  });

  it('never puts the masked ID or phone into an edit form', () => {
    const values = fromResident(resident);
    expect(values.idNumber).toBeUndefined();
    expect(values.phone).toBeUndefined();
    expect(values.note).toBeUndefined();
  });

  it('patches only what changed; an empty ID or phone keeps the stored one', () => {
    const before = fromResident(resident);
    expect(changedFields(before, { ...before })).toEqual({});
    expect(changedFields(before, { ...before, tags: ['elderly_alone', 'disabled'], phone: '' })).toEqual({
      tags: ['elderly_alone', 'disabled'],
    });
    expect(changedFields(before, { ...before, phone: '13900001111' })).toEqual({ phone: '13900001111' });
  });

  it('knows a household needs a head', () => {
    expect(hasHead([{ relation: '10' }, { relation: '20' }])).toBe(false);
    expect(hasHead([{ relation: '10' }, { relation: '02' }])).toBe(true);
    expect(hasHead([{ relation: '01' }])).toBe(true);
  });
});
