import { ORDER_STATUS_LABELS, TERMINAL_STATUSES } from '@linli/contracts';
import type { O311RequestRow } from './requests-repo.js';
import { serviceNotice } from './services-read.js';
import { type O311Request, o311Time } from './wire.js';

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
 * (the client published it); other channels' texts are the resident's words and get a generic text.
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
    description: viaOpen311 ? r.description : PRIVATE_DESCRIPTION,
    agency_responsible: r.handlerOrgName,
    service_notice: serviceNotice(r),
    requested_datetime: o311Time(r.placedAt),
    updated_datetime: o311Time(isClosed ? (r.closedAt ?? r.updatedAt) : r.updatedAt),
    expected_datetime: o311Time(r.stageDueAt),
    address: r.buildingCode || !viaOpen311 ? buildingLevel : r.address || buildingLevel,
    address_id: r.buildingCode,
    zipcode: null,
    lat: toNumber(r.lat),
    long: toNumber(r.long),
    media_url: viaOpen311 ? r.mediaUrl : null,
  };
}
