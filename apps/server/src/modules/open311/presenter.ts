import { type Open311KeyDto, type OrderStatus, ORDER_STATUS_LABELS, SERVICE_CATEGORY_LABELS, TERMINAL_STATUSES } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { canManageKeys } from './policy.js';
import type { KeyWithCommunity } from './repo-keys.js';
import { maskPersonal } from './mask.js';
import type { O311RequestRow } from './repo-requests.js';
import type { StatusChangeRow } from './repo-updates.js';
import type { O311ServiceRow } from './repo-services.js';
import { type O311Request, type O311Service, type O311ServiceDefinition, type O311Update, o311Time } from './wire.js';

/** A key as the console lists it; the key itself is never stored, so never shown again. */
export function presentKey(actor: Actor, row: KeyWithCommunity): Open311KeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    community: { id: row.communityId, name: row.communityName },
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    abilities: { canRevoke: !row.revokedAt && canManageKeys(actor, row) },
  };
}

export function presentService(s: O311ServiceRow): O311Service {
  return {
    service_code: s.serviceCode,
    service_name: s.name,
    description: s.description || null,
    metadata: s.fields.length > 0,
    type: 'realtime',
    keywords: s.keywords.length ? s.keywords.join(',') : null,
    group: SERVICE_CATEGORY_LABELS[s.category]['zh-CN'],
  };
}

export function presentDefinition(s: O311ServiceRow): O311ServiceDefinition {
  return {
    service_code: s.serviceCode,
    attributes: s.fields.map((f, i) => ({
      variable: true,
      code: f.code,
      datatype: f.type,
      required: f.required,
      datatype_description: f.hint || null,
      order: i + 1,
      description: f.label,
      ...(f.options.length ? { values: f.options.map((o) => ({ key: o.key, name: o.name })) } : {}),
    })),
  };
}

/** What the requester is told to expect: the handling time limit of the service. */
export function serviceNotice(s: Pick<O311ServiceRow, 'handleHours' | 'emergency'>): string {
  const h = s.handleHours;
  const limit = h % 24 === 0 ? `${h / 24} 天` : `${h} 小时`;
  return `${s.emergency ? '紧急服务，' : ''}受理后 ${limit}内办理`;
}

/** Shown instead of the resident's own words for orders that did not come in through Open311. */
export const PRIVATE_DESCRIPTION = '居民诉求（内容不公开）';

function toNumber(v: string | null): number | null {
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Open311 data is public, so it never carries personal data: no names, phones or e-mails, and the place only down
 * to the building (never the unit or flat). The description is published only for orders filed through Open311
 * (the client published it), masked (mask.ts); other channels' texts are the resident's words and get a generic
 * text. An Open311 order without a building shows the client's address text, masked below the building.
 */
export function presentRequest(r: O311RequestRow): O311Request {
  const viaOpen311 = r.channel === 'open311';
  const isClosed = TERMINAL_STATUSES.includes(r.status);
  const buildingLevel = [r.communityName, r.compoundName, r.buildingName].filter(Boolean).join(' ');
  return {
    service_request_id: r.orderNo,
    status: isClosed ? 'closed' : 'open',
    status_notes: ORDER_STATUS_LABELS[r.status]['zh-CN'],
    service_name: r.serviceName,
    service_code: r.serviceCode,
    description: viaOpen311 ? maskPersonal(r.description) : PRIVATE_DESCRIPTION,
    agency_responsible: r.handlerOrgName,
    service_notice: serviceNotice(r),
    requested_datetime: o311Time(r.placedAt),
    updated_datetime: o311Time(isClosed ? (r.closedAt ?? r.updatedAt) : r.updatedAt),
    expected_datetime: o311Time(r.stageDueAt),
    address: r.buildingCode || !viaOpen311 ? buildingLevel : maskPersonal(r.address) || buildingLevel,
    address_id: r.buildingCode,
    zipcode: null,
    lat: toNumber(r.lat),
    long: toNumber(r.long),
    media_url: viaOpen311 ? r.mediaUrl : null,
  };
}

/** Linli's statuses as the states FixMyStreet's Open311 client understands (its map_state). */
const FMS_STATES: Record<OrderStatus, string> = {
  placed: 'open',
  dispatched: 'open',
  accepted: 'action_scheduled',
  in_progress: 'in_progress',
  suspended: 'investigating',
  handled: 'fixed',
  confirmed: 'fixed',
  closed: 'closed',
  merged: 'duplicate',
  withdrawn: 'closed',
};

/** One status change for `servicerequestupdates`: the fixed status text only, never the staff's free-text note. */
export function presentUpdate(e: StatusChangeRow & { toStatus: OrderStatus }): O311Update {
  return {
    update_id: String(e.id),
    service_request_id: e.orderNo,
    status: FMS_STATES[e.toStatus],
    updated_datetime: o311Time(e.at),
    description: ORDER_STATUS_LABELS[e.toStatus]['zh-CN'],
    media_url: null,
    external_status_code: e.toStatus,
  };
}
