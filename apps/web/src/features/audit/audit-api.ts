import { AuditEntryDto, paged, type AuditListQuery } from '@linli/contracts';
import { api } from '../../lib/api';

export const AuditPage = paged(AuditEntryDto);
export const auditKeys = { list: (q: Partial<AuditListQuery>) => ['audit', 'list', q] as const };
export const listAudit = (q: Partial<AuditListQuery>) => api.get('/api/audit', AuditPage, q);
