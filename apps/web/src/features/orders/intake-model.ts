import type { FieldValue } from '@linli/contracts';
import type { NewOrder } from './order-api';

export type ConsentMethod = 'in_person' | 'phone' | 'written';

/** The intake form's values, named like CreateOrderInput so server issues land on the right fields. */
export type IntakeValues = {
  serviceId?: string;
  description?: string;
  fields?: Record<string, FieldValue | null | undefined>;
  attachmentIds?: string[];
  intake: {
    channel: 'desk' | 'proxy';
    via?: 'phone' | 'walk_in';
    residentId?: string;
    householdId?: string;
    contactName?: string;
    contactPhone?: string;
    address?: string;
    consent?: { method?: ConsentMethod; note?: string };
  };
};

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Only what the chosen channel takes, with empty custom fields left out (the server checks required ones). */
export function toOrderInput(v: IntakeValues): NewOrder {
  const fields = Object.fromEntries(Object.entries(v.fields ?? {}).filter(([, value]) => !blank(value))) as Record<string, FieldValue>;
  const i = v.intake;
  const trimmed = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  const intake: NewOrder['intake'] =
    i.channel === 'proxy'
      ? {
          channel: 'proxy',
          householdId: i.householdId ?? '',
          residentId: i.residentId,
          consent: { method: i.consent?.method ?? 'in_person', note: i.consent?.note?.trim() ?? '' },
        }
      : {
          channel: 'desk',
          via: i.via ?? 'phone',
          householdId: i.householdId,
          residentId: i.residentId,
          contactName: i.contactName?.trim() ?? '',
          contactPhone: i.contactPhone?.trim() ?? '',
          address: trimmed(i.address),
        };
  return {
    serviceId: v.serviceId ?? '',
    description: v.description?.trim() ?? '',
    fields,
    attachmentIds: v.attachmentIds ?? [],
    intake,
  };
}
