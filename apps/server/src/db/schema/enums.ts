import { pgEnum } from 'drizzle-orm/pg-core';
import { AreaKind, HandlerOrgKind, Role } from '@linli/contracts';
import { tuple } from './columns.js';

export const areaKind = pgEnum('area_kind', tuple(AreaKind.options));
export const handlerOrgKind = pgEnum('handler_org_kind', tuple(HandlerOrgKind.options));
export const role = pgEnum('role', tuple(Role.options));
export const residentType = pgEnum('resident_type', ['registered', 'floating', 'away', 'overseas']);
export const residentStatus = pgEnum('resident_status', ['active', 'moved_out', 'deceased']);
export const auditOutcome = pgEnum('audit_outcome', ['ok', 'denied', 'failed']);
