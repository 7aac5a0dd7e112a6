import {
  type AttachmentDto,
  type DuplicateCandidate,
  type OrderClock,
  type OrderDto,
  type OrderListItem,
  type OrderSettingsDto,
  type PersonRef,
  STAGE_OF,
  type TimelineEntry,
  TimelineKind,
  maskPhone,
} from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { addressText } from '../../core/person.js';
import type { Pii } from '../../core/pii.js';
import { canEditOrderSettings, canReadOrder, orderAbilities } from './policy.js';
import type { DuplicateRow } from './repo-dispatch.js';
import type { OrderEventRow } from './repo-events.js';
import type { OrderRefs } from './repo-refs.js';
import type { AreaRow, OrderRow } from './repo.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The clock everyone sees; a suspended order shows the stage it paused in, without a deadline. */
export function orderClock(o: OrderRow, now: Date): OrderClock {
  const paused = o.status === 'suspended';
  const stage = STAGE_OF[paused && o.suspendedFrom ? o.suspendedFrom : o.status] ?? null;
  const dueAt = paused ? null : o.stageDueAt;
  return {
    stage,
    dueAt: iso(dueAt),
    overdue: !paused && stage !== null && (o.overdueSince !== null || (dueAt !== null && dueAt < now)),
    escalationLevel: Math.min(3, Math.max(0, o.escalationLevel)),
    paused,
  };
}

/** 小区 楼栋 单元 房号; without a building, the address the desk typed (or the community). */
export function placeText(o: OrderRow, refs: OrderRefs): string {
  const name = (id: string | null) => (id ? (refs.areaNames.get(id) ?? null) : null);
  if (!o.buildingId) return o.address || name(o.communityId) || '';
  const flat = o.flatId ? refs.flats.get(o.flatId) : undefined;
  return addressText({
    communityName: name(o.communityId) ?? '',
    compoundName: name(o.compoundId),
    buildingName: name(o.buildingId),
    unitNo: flat?.unitNo ?? null,
    flatNo: flat?.flatNo ?? o.address,
  });
}

const ref = (id: string | null, names: Map<string, string>): PersonRef | null => (id ? { id, name: names.get(id) ?? '' } : null);

/** One order of a list, with the actor's abilities on it (the refs carry what they need: no query per row). */
export function presentOrderItem(o: OrderRow, refs: OrderRefs, actor: Actor, now: Date): OrderListItem {
  const s = refs.services.get(o.serviceId);
  return {
    id: o.id,
    orderNo: o.orderNo,
    status: o.status,
    channel: o.channel,
    service: { id: o.serviceId, code: s?.code ?? '', name: s?.name ?? '', category: o.category, emergency: o.emergency },
    description: o.description,
    place: placeText(o, refs),
    communityId: o.communityId,
    gridId: o.gridId,
    buildingId: o.buildingId,
    handlerOrg: ref(o.handlerOrgId, refs.orgNames),
    clock: orderClock(o, now),
    placedAt: o.placedAt.toISOString(),
    reworkCount: o.reworkCount,
    extensionPending: o.extensionPendingHours !== null,
    abilities: orderAbilities(actor, o, { communityMayClose: refs.closingCommunities.has(o.communityId) }),
  };
}

/** The masked contact phone; stars when the ciphertext cannot be read (a key gone). */
function maskedPhone(pii: Pii, enc: Buffer | null): string | null {
  if (!enc) return null;
  try {
    return maskPhone(pii.decrypt(enc));
  } catch {
    return '***********';
  }
}

export type PresentOrderDeps = { refs: OrderRefs; pii: Pii; actor: Actor; now: Date };

/** The full order with its clock, deadlines, names and the actor's abilities; the contact phone is always masked. */
export function presentOrder(o: OrderRow, { refs, pii, actor, now }: PresentOrderDeps): OrderDto {
  const fields = refs.services.get(o.serviceId)?.fields ?? [];
  return {
    ...presentOrderItem(o, refs, actor, now),
    version: o.version,
    fields: o.fields,
    fieldLabels: fields.map((f) => ({ code: f.code, label: f.label })),
    residentId: o.residentId,
    householdId: o.householdId,
    contactName: o.contactName,
    contactPhone: maskedPhone(pii, o.contactPhoneEnc),
    placedBy: ref(o.placedBy, refs.userNames),
    consent: o.consent ?? null,
    handlerUser: ref(o.handlerUserId, refs.userNames),
    deadlines: {
      dispatchDueAt: iso(o.dispatchDueAt),
      acceptDueAt: iso(o.acceptDueAt),
      handleDueAt: iso(o.handleDueAt),
      confirmDueAt: iso(o.confirmDueAt),
      closeDueAt: iso(o.closeDueAt),
    },
    extension: o.extensionPendingHours !== null ? { hours: o.extensionPendingHours, reason: o.extensionPendingReason ?? '' } : null,
    extensionCount: o.extensionCount,
    rating: o.rating,
    ratingReasons: o.ratingReasons,
    outcome: o.outcome,
    mergedInto: o.mergedIntoId ? { id: o.mergedIntoId, orderNo: refs.orderNos.get(o.mergedIntoId) ?? '' } : null,
    closedAt: iso(o.closedAt),
  };
}

/** A 并单 candidate the actor could not open shows its building, never the neighbour's flat. */
export function presentDuplicateCandidate(actor: Actor, row: DuplicateRow, refs: OrderRefs, now: Date): DuplicateCandidate {
  const item = presentOrderItem(row, refs, actor, now);
  const place = canReadOrder(actor, row) ? item.place : placeText({ ...row, flatId: null, address: '' }, refs);
  return { ...item, place, similarity: Math.round(row.similarity * 100) / 100, sameBuilding: row.sameBuilding };
}

/** One timeline row on the wire; kinds written by older code that the contract no longer knows read as comments. */
export function presentTimelineEntry(e: OrderEventRow, attachments: AttachmentDto[]): TimelineEntry {
  const kind = TimelineKind.safeParse(e.kind);
  return {
    id: String(e.id),
    at: e.at.toISOString(),
    kind: kind.success ? kind.data : 'comment',
    actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    text: e.text,
    internal: e.internal,
    details: e.details,
    attachments,
  };
}

export function presentOrderSettings(actor: Actor, community: AreaRow, mayClose: boolean): OrderSettingsDto {
  return { communityId: community.id, communityMayClose: mayClose, abilities: { canEdit: canEditOrderSettings(actor, community) } };
}
