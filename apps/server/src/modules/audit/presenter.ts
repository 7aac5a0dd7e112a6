import type { AuditEntryDto } from '@linli/contracts';
import type { AuditRow } from './repo.js';

export function presentAuditEntry(row: AuditRow): AuditEntryDto {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.requestId,
    details: row.details,
  };
}
