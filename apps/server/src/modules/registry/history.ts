import { maskIdNumber, maskPhone } from '@linli/contracts';

export type FieldChange = { field: string; from: string | null; to: string | null };
export type Snapshot = Record<string, unknown>;

/** Fields whose values never enter the history in plain text: only that they changed, masked. */
export const MASKED_FIELDS: Record<string, (v: string) => string> = { idNumber: maskIdNumber, phone: maskPhone };

function show(field: string, v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.length === 0 ? null : [...v].map(String).sort().join(',');
  const s = v instanceof Date ? v.toISOString() : String(v);
  const mask = MASKED_FIELDS[field];
  return mask ? mask(s) : s;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return show('', a ?? []) === show('', b ?? []);
  return (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');
}

/**
 * The fields of `after` whose value differs from `before`, in the order of `fields`; tags compare as sets.
 * ID numbers and phones are compared in plain text but recorded masked.
 */
export function diffFields(before: Snapshot | null, after: Snapshot, fields: readonly string[]): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in after)) continue;
    const from = before?.[field];
    const to = after[field];
    if (before && same(from, to)) continue;
    if (!before && show(field, to) === null) continue;
    out.push({ field, from: show(field, from), to: show(field, to) });
  }
  return out;
}

export const RESIDENT_FIELDS = [
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'relation',
  'political',
  'ethnicity',
  'residentType',
  'phone',
  'tags',
  'volunteer',
  'note',
  'status',
  'movedInOn',
  'movedOutOn',
  'diedOn',
] as const;

export const HOUSEHOLD_FIELDS = ['address', 'tenure', 'tags', 'status', 'movedInOn', 'movedOutOn', 'reason'] as const;

/** The area ids a history row (and the audit row beside it) carries. */
export const historyScope = (row: { communityId: string; streetId: string; districtId: string }) => ({
  communityId: row.communityId,
  streetId: row.streetId,
  districtId: row.districtId,
});
