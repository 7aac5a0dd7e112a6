import { z } from 'zod';

/** The six services of the e-service supermarket (e服务超市). */
export const ServiceCategoryCode = z.enum(['property', 'home_service', 'renovation', 'mediation', 'volunteer', 'social_org']);
export type ServiceCategoryCode = z.infer<typeof ServiceCategoryCode>;

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategoryCode, { 'zh-CN': string; en: string }> = {
  property: { 'zh-CN': '物业服务', en: 'Property management' },
  home_service: { 'zh-CN': '居家服务', en: 'Home service' },
  renovation: { 'zh-CN': '老旧小区改造', en: 'Old-compound renovation' },
  mediation: { 'zh-CN': '矛盾调解', en: 'Dispute mediation' },
  volunteer: { 'zh-CN': '志愿服务', en: 'Volunteer service' },
  social_org: { 'zh-CN': '社会组织服务', en: 'Social organisations' },
};

/** Custom field types, as Open311 service definitions name them. */
export const ServiceFieldType = z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']);
export type ServiceFieldType = z.infer<typeof ServiceFieldType>;

export const FieldOption = z.object({ key: z.string().trim().min(1).max(40), name: z.string().trim().min(1).max(60) });
export type FieldOption = z.infer<typeof FieldOption>;

export const ServiceField = z
  .object({
    /** stable key of the field inside the service: letters, digits, underscore */
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/),
    label: z.string().trim().min(1).max(60),
    /** shown under the field (Open311: description) */
    hint: z.string().trim().max(200).default(''),
    type: ServiceFieldType,
    required: z.boolean().default(false),
    /** for the list types; at least one option */
    options: z.array(FieldOption).max(50).default([]),
  })
  .refine((f) => (f.type === 'singlevaluelist' || f.type === 'multivaluelist') === f.options.length > 0, {
    message: 'options are required for list fields and only for them',
    path: ['options'],
  });
export type ServiceField = z.infer<typeof ServiceField>;

/**
 * Time limits per stage. Defaults (DOMAIN.md): emergency 2 h to handle, water/power/gas/heating 24 h, general 7 days,
 * complex 15 days; dispatch within 30 min of placing in working hours.
 */
export const TimeLimits = z.object({
  dispatchMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
  acceptMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
  handleHours: z
    .number()
    .int()
    .min(1)
    .max(90 * 24),
  /** the resident has this long to confirm or contest before staff call back (回访) */
  confirmHours: z
    .number()
    .int()
    .min(1)
    .max(30 * 24),
  closeHours: z
    .number()
    .int()
    .min(1)
    .max(30 * 24),
});
export type TimeLimits = z.infer<typeof TimeLimits>;

export const TIME_LIMIT_PRESETS = {
  emergency: { dispatchMinutes: 10, acceptMinutes: 15, handleHours: 2, confirmHours: 72, closeHours: 48 },
  utility: { dispatchMinutes: 30, acceptMinutes: 60, handleHours: 24, confirmHours: 72, closeHours: 48 },
  general: { dispatchMinutes: 30, acceptMinutes: 240, handleHours: 7 * 24, confirmHours: 72, closeHours: 72 },
  complex: { dispatchMinutes: 30, acceptMinutes: 480, handleHours: 15 * 24, confirmHours: 72, closeHours: 72 },
} as const satisfies Record<string, TimeLimits>;

export const ServiceDto = z
  .object({
    id: z.uuid(),
    /** stable code, also the Open311 service_code */
    code: z.string(),
    category: ServiceCategoryCode,
    name: z.string(),
    description: z.string(),
    keywords: z.array(z.string()),
    fields: z.array(ServiceField),
    defaultHandlerOrgId: z.uuid().nullable(),
    defaultHandlerOrgName: z.string().nullable(),
    timeLimits: TimeLimits,
    emergency: z.boolean(),
    active: z.boolean(),
    streetId: z.uuid(),
    abilities: z.object({ canEdit: z.boolean() }),
  })
  .meta({ id: 'Service' });
export type ServiceDto = z.infer<typeof ServiceDto>;

export const CatalogueDto = z.object({
  /** the street whose catalogue this is */
  street: z.object({ id: z.uuid(), name: z.string() }),
  categories: z.array(z.object({ code: ServiceCategoryCode, name: z.string(), services: z.array(ServiceDto) })),
  abilities: z.object({ canCreate: z.boolean() }),
});
export type CatalogueDto = z.infer<typeof CatalogueDto>;

/** A street other than the actor's own (district-level users); inactive services are listed for editors only. */
export const CatalogueQuery = z.object({ streetId: z.uuid().optional() });
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

/** What an editor may set on a service; without defaults, so that a partial update changes only what it names. */
const ServiceEditable = z.object({
  category: ServiceCategoryCode,
  name: z.string().trim().min(1).max(40),
  description: z.string().trim().max(500),
  keywords: z.array(z.string().trim().min(1).max(20)).max(20),
  fields: z.array(ServiceField).max(30),
  defaultHandlerOrgId: z.uuid().nullable(),
  timeLimits: TimeLimits,
  emergency: z.boolean(),
  active: z.boolean(),
});

export const ServiceInput = ServiceEditable.extend({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,39}$/),
  description: ServiceEditable.shape.description.default(''),
  keywords: ServiceEditable.shape.keywords.default([]),
  fields: ServiceEditable.shape.fields.default([]),
  defaultHandlerOrgId: ServiceEditable.shape.defaultHandlerOrgId.default(null),
  emergency: ServiceEditable.shape.emergency.default(false),
  active: ServiceEditable.shape.active.default(true),
  /** the street whose catalogue it joins; defaults to the actor's street */
  streetId: z.uuid().optional(),
});
export type ServiceInput = z.infer<typeof ServiceInput>;
export const UpdateServiceInput = ServiceEditable.partial();
export type UpdateServiceInput = z.infer<typeof UpdateServiceInput>;

/** A value of a custom field: text, number, ISO datetime, one option key, or several. */
export const FieldValue = z.union([z.string(), z.number(), z.array(z.string())]);
export type FieldValue = z.infer<typeof FieldValue>;

/** Checks custom field values against a service's fields; returns one issue per bad field (path `fields.<code>`). */
export function checkFieldValues(
  fields: readonly ServiceField[],
  values: Record<string, FieldValue>,
): { path: string; problem: 'required' | 'type' | 'option' | 'unknown' }[] {
  const issues: { path: string; problem: 'required' | 'type' | 'option' | 'unknown' }[] = [];
  const known = new Set(fields.map((f) => f.code));
  for (const key of Object.keys(values)) if (!known.has(key)) issues.push({ path: `fields.${key}`, problem: 'unknown' });
  for (const f of fields) {
    const v = values[f.code];
    const path = `fields.${f.code}`;
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      if (f.required) issues.push({ path, problem: 'required' });
      continue;
    }
    const keys = new Set(f.options.map((o) => o.key));
    if (f.type === 'number' && typeof v !== 'number') issues.push({ path, problem: 'type' });
    else if ((f.type === 'string' || f.type === 'text') && typeof v !== 'string') issues.push({ path, problem: 'type' });
    else if (f.type === 'datetime' && (typeof v !== 'string' || Number.isNaN(Date.parse(v)))) issues.push({ path, problem: 'type' });
    else if (f.type === 'singlevaluelist' && (typeof v !== 'string' || !keys.has(v))) issues.push({ path, problem: 'option' });
    else if (f.type === 'multivaluelist' && (!Array.isArray(v) || v.some((k) => !keys.has(k)))) issues.push({ path, problem: 'option' });
  }
  return issues;
}
