import type { AttachmentDto, FieldValue, ServiceDto, ServiceField, TimeLimits } from '@linli/contracts';
import dayjs from 'dayjs';
import type { NewOrder } from '../orders/order-api';

/** What the describe step's form holds: the text, and custom field values as the inputs give them. */
export type DraftValues = { description?: string; fields?: Record<string, unknown> };

export const MAX_PHOTOS = 6;
/** CreateOrderInput's description minimum, after trimming */
export const MIN_DESCRIPTION = 5;

/** One input value as the contract wants it, or undefined for "left empty". */
export function toFieldValue(field: ServiceField, raw: unknown): FieldValue | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  switch (field.type) {
    case 'number':
      return typeof raw === 'number' ? raw : Number.isFinite(Number(raw)) ? Number(raw) : String(raw);
    case 'datetime':
      // <input type="datetime-local"> gives local wall time without a zone; the server wants an instant.
      return dayjs(String(raw)).isValid() ? dayjs(String(raw)).toISOString() : String(raw);
    case 'multivaluelist':
      return Array.isArray(raw) && raw.length > 0 ? raw.map(String) : undefined;
    default:
      return typeof raw === 'string' ? raw.trim() || undefined : String(raw);
  }
}

/** The body of POST /api/orders for a resident: the portal knows their flat, so the intake is just the channel. */
export function toNewOrder(service: ServiceDto, values: DraftValues, photos: readonly AttachmentDto[]): NewOrder {
  const fields: Record<string, FieldValue> = {};
  for (const f of service.fields) {
    const v = toFieldValue(f, values.fields?.[f.code]);
    if (v !== undefined) fields[f.code] = v;
  }
  return {
    serviceId: service.id,
    description: (values.description ?? '').trim(),
    fields,
    attachmentIds: photos.map((p) => p.id),
    intake: { channel: 'portal' },
  };
}

/** A field's value in words for the confirm screen: option names, a readable time. */
export function describeFieldValue(field: ServiceField, value: FieldValue): string {
  const name = (key: string) => field.options.find((o) => o.key === key)?.name ?? key;
  if (Array.isArray(value)) return value.map(name).join('、');
  if (field.type === 'singlevaluelist') return name(String(value));
  if (field.type === 'datetime') return dayjs(String(value)).format('YYYY-MM-DD HH:mm');
  return String(value);
}

export type Expectation = { key: 'portal.new.expectHours' | 'portal.new.expectDays'; n: number };

/** "一般 24 小时内…" up to two days, else whole days (rounded up), from the service's handling limit. */
export function expectedTime(limits: TimeLimits): Expectation {
  return limits.handleHours <= 48
    ? { key: 'portal.new.expectHours', n: limits.handleHours }
    : { key: 'portal.new.expectDays', n: Math.ceil(limits.handleHours / 24) };
}
