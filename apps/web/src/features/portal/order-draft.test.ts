import { TIME_LIMIT_PRESETS, type AttachmentDto, type ServiceDto, type ServiceField } from '@linli/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { describeFieldValue, expectedTime, toFieldValue, toNewOrder } from './order-draft';

const field = (over: Partial<ServiceField>): ServiceField => ({
  code: 'f',
  label: 'F',
  hint: '',
  type: 'string',
  required: false,
  options: [],
  ...over,
});
const rooms = field({
  code: 'rooms',
  type: 'multivaluelist',
  options: [
    { key: 'kitchen', name: '厨房' },
    { key: 'bath', name: '卫生间' },
  ],
});
const when = field({ code: 'when', type: 'datetime' });
const floors = field({ code: 'floors', type: 'number' });
const note = field({ code: 'note', type: 'text' });

const service = { id: '8f7d1c1e-6a2b-4c3d-9e8f-0a1b2c3d4e5f', fields: [rooms, when, floors, note] } as unknown as ServiceDto;
const photo = { id: '11111111-2222-4333-8444-555555555555' } as AttachmentDto;

describe('toFieldValue', () => {
  it('turns a local date-time into an instant and numbers into numbers', () => {
    expect(toFieldValue(when, '2026-11-25T09:30')).toBe(dayjs('2026-11-25T09:30').toISOString());
    expect(toFieldValue(floors, 6)).toBe(6);
    expect(toFieldValue(floors, '7')).toBe(7);
  });

  it('treats blank text and empty choices as not filled', () => {
    expect(toFieldValue(note, '   ')).toBeUndefined();
    expect(toFieldValue(rooms, [])).toBeUndefined();
    expect(toFieldValue(note, null)).toBeUndefined();
  });
});

describe('toNewOrder', () => {
  it('makes a portal order with only the filled fields and the photo ids', () => {
    const input = toNewOrder(service, { description: '  厨房水管漏水  ', fields: { rooms: ['kitchen'], note: '', floors: 3 } }, [photo]);
    expect(input).toEqual({
      serviceId: service.id,
      description: '厨房水管漏水',
      fields: { rooms: ['kitchen'], floors: 3 },
      attachmentIds: [photo.id],
      intake: { channel: 'portal' },
    });
  });

  it('drops values of fields the service does not have', () => {
    expect(toNewOrder(service, { description: '楼道灯坏了', fields: { stray: 'x' } }, []).fields).toEqual({});
  });
});

describe('describeFieldValue', () => {
  it('shows option names instead of keys', () => {
    expect(describeFieldValue(rooms, ['kitchen', 'bath'])).toBe('厨房、卫生间');
    expect(describeFieldValue(floors, 6)).toBe('6');
  });
});

describe('expectedTime', () => {
  it('speaks in hours up to two days and in whole days above', () => {
    expect(expectedTime(TIME_LIMIT_PRESETS.emergency)).toEqual({ key: 'portal.new.expectHours', n: 2 });
    expect(expectedTime(TIME_LIMIT_PRESETS.utility)).toEqual({ key: 'portal.new.expectHours', n: 24 });
    expect(expectedTime({ ...TIME_LIMIT_PRESETS.general, handleHours: 50 })).toEqual({ key: 'portal.new.expectDays', n: 3 });
    expect(expectedTime(TIME_LIMIT_PRESETS.complex)).toEqual({ key: 'portal.new.expectDays', n: 15 });
  });
});
