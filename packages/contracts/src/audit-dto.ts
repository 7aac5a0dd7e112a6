import { z } from 'zod';
import { PageQuery } from './common.js';

export const AuditEntryDto = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    outcome: z.enum(['ok', 'denied', 'failed']),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

export const AuditListQuery = PageQuery.extend({
  action: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;
