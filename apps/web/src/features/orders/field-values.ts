import type { FieldValue, ServiceField } from '@linli/contracts';
import dayjs from 'dayjs';

/** A custom field's value as text: option names for list fields, local time for datetimes. */
export function formatFieldValue(value: FieldValue, field: Pick<ServiceField, 'type' | 'options'> | undefined): string {
  const name = (key: string) => field?.options.find((o) => o.key === key)?.name ?? key;
  if (Array.isArray(value)) return value.map(name).join('、');
  if (field?.type === 'singlevaluelist' && typeof value === 'string') return name(value);
  if (field?.type === 'datetime' && typeof value === 'string') return dayjs(value).format('YYYY-MM-DD HH:mm');
  return String(value);
}
