import { CreateOrderInput } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { toOrderInput, type IntakeValues } from './intake-model';

const SERVICE = '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b';
const HOUSEHOLD = '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5c';
const RESIDENT = '0190a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5d';
const base = { serviceId: SERVICE, description: ' 厨房水管漏水 ', fields: { floor: 3, note: '', rooms: [] }, attachmentIds: [] };

describe('toOrderInput', () => {
  it('builds a desk intake the contract accepts, without empty fields', () => {
    const values: IntakeValues = {
      ...base,
      intake: {
        channel: 'desk',
        via: 'walk_in',
        contactName: ' 王阿姨 ',
        contactPhone: '13800001111',
        address: ' ',
        consent: { method: 'phone' },
      },
    };
    const input = toOrderInput(values);
    expect(input.fields).toEqual({ floor: 3 });
    expect(input.intake).toEqual({
      channel: 'desk',
      via: 'walk_in',
      householdId: undefined,
      residentId: undefined,
      contactName: '王阿姨',
      contactPhone: '13800001111',
      address: undefined,
    });
    expect(CreateOrderInput.safeParse(input).success).toBe(true);
  });

  it('builds a proxy intake with the consent and no desk contact', () => {
    const values: IntakeValues = {
      ...base,
      intake: {
        channel: 'proxy',
        householdId: HOUSEHOLD,
        residentId: RESIDENT,
        contactName: 'x',
        consent: { method: 'written', note: ' 签字 ' },
      },
    };
    const parsed = CreateOrderInput.parse(toOrderInput(values));
    expect(parsed.intake).toEqual({
      channel: 'proxy',
      householdId: HOUSEHOLD,
      residentId: RESIDENT,
      consent: { method: 'written', note: '签字' },
    });
  });

  it('leaves a proxy order without a household for the contract to reject', () => {
    const values: IntakeValues = { ...base, intake: { channel: 'proxy', consent: { method: 'phone' } } };
    const parsed = CreateOrderInput.safeParse(toOrderInput(values));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('intake.householdId');
  });
});
