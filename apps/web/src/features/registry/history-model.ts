import { codeLabel, ResidentStatus, ResidentType, Tenure, type HouseholdStatus, type Locale } from '@linli/contracts';
import type { z } from 'zod';

export const HISTORY_ACTIONS = ['create', 'update', 'move_in', 'move_out', 'transfer', 'death', 'import'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const HISTORY_FIELDS = [
  'tenure',
  'tags',
  'status',
  'flat',
  'address',
  'name',
  'idNumber',
  'phone',
  'sex',
  'birthDate',
  'relation',
  'political',
  'ethnicity',
  'residentType',
  'volunteer',
  'note',
  'household',
  'movedInOn',
  'movedOutOn',
  'diedOn',
  'reason',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

const snake = (s: string) =>
  s
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();

/** "registry.household.moveOut", "resident.move-out" and "move_out" all name the same action. */
export function actionKey(action: string): HistoryAction | null {
  const last = snake(action.split('.').pop() ?? '');
  const aliases: Record<string, HistoryAction> = { created: 'create', updated: 'update', moved_out: 'move_out', moved_in: 'move_in' };
  const key = aliases[last] ?? last;
  return (HISTORY_ACTIONS as readonly string[]).includes(key) ? (key as HistoryAction) : null;
}

/** Field names as the server writes them (camelCase or snake_case, `flatId` for the flat). */
export function fieldKey(field: string): HistoryField | null {
  const camel = field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/Id$/, '');
  return (HISTORY_FIELDS as readonly string[]).includes(camel) ? (camel as HistoryField) : null;
}

/** Tags arrive as a JSON array or a comma list. */
export function splitTags(value: string): string[] {
  const s = value.trim();
  if (s.startsWith('[')) {
    const parsed = ((): unknown => {
      try {
        return JSON.parse(s);
      } catch {
        return null;
      }
    })();
    if (Array.isArray(parsed)) return parsed.map(String);
  }
  return s
    .split(/[,，、]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** The enum's label when the value is one of its members, else the value itself. */
function pick<T extends string>(schema: z.ZodType<T>, value: string, label: (v: T) => string): string {
  const parsed = schema.safeParse(value);
  return parsed.success ? label(parsed.data) : value;
}

type Labels = {
  locale: Locale;
  tenure: (v: Tenure) => string;
  status: (v: ResidentStatus | HouseholdStatus) => string;
  residentType: (v: ResidentType) => string;
  tagLabel: (code: string) => string;
  yes: string;
  no: string;
};

/** A stored value as people read it: code tables, enum labels, tag labels; anything unknown as it is. */
export function formatValue(field: HistoryField | null, value: string, l: Labels): string {
  switch (field) {
    case 'sex':
    case 'relation':
    case 'political':
    case 'ethnicity':
      return codeLabel(field, value, l.locale);
    case 'tenure':
      return pick(Tenure, value, l.tenure);
    case 'residentType':
      return pick(ResidentType, value, l.residentType);
    case 'status':
      return pick(ResidentStatus, value, l.status);
    case 'tags':
      return splitTags(value).map(l.tagLabel).join('、');
    case 'volunteer':
      return value === 'true' ? l.yes : value === 'false' ? l.no : value;
    default:
      return value;
  }
}
