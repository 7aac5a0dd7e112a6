import { HANDLER_ROLES, OPEN_STATUSES, type OrderMoveInput, type OrderStatus, type Role, WORKING_STATUSES } from '@linli/contracts';
import type { TxCtx } from '../../core/context.js';
import { invalid } from '../../core/errors.js';
import { claimAttachments } from '../attachments/claim.js';
import { creditOrderHours } from '../volunteers/credit-order.js';
import { ORDER_MESSAGES } from './messages.js';
import { clockAfter, extendedClock, onTime, resumedClock } from './move-clock.js';
import { canReadOrder, orgServesOrder, ratingVia } from './policy.js';
import { type OrderPatch, type OrderRow, type ServiceRow, lockOrder, updateOrderVersioned } from './repo.js';
import { findHandlerOrg, isActiveMemberOf } from './repo-dispatch.js';
import { appendOrderEvent } from './repo-events.js';

/** What one move changes besides the status: columns, the event's text and details, work after the event exists. */
export type MoveEffects = {
  patch: OrderPatch;
  text: string;
  details: Record<string, unknown>;
  after?: (eventId: number) => Promise<void>;
};

export type MoveFacts = { tctx: TxCtx; order: OrderRow; service: ServiceRow; to: OrderStatus; role: Role; now: Date };

async function checkHandler(f: MoveFacts, orgId: string, userId: string | undefined): Promise<void> {
  const { tx, locale } = f.tctx;
  const org = await findHandlerOrg(tx, orgId);
  if (!org || !orgServesOrder(org, f.order)) throw invalid([{ path: 'handlerOrgId', message: ORDER_MESSAGES.orgNotServing()[locale] }]);
  if (userId && !(await isActiveMemberOf(tx, userId, orgId, HANDLER_ROLES)))
    throw invalid([{ path: 'handlerUserId', message: ORDER_MESSAGES.userNotOfOrg()[locale] }]);
}

/** 并单 target: another open, unsuspended order of the same street, locked like the merged one. */
async function mergeTarget(f: MoveFacts, id: string): Promise<OrderRow> {
  const target = id === f.order.id ? undefined : await lockOrder(f.tctx.tx, id);
  if (!target || target.streetId !== f.order.streetId || !OPEN_STATUSES.includes(target.status) || !canReadOrder(f.tctx.actor, target))
    throw invalid([{ path: 'intoOrderId', message: ORDER_MESSAGES.mergeTarget()[f.tctx.locale] }]);
  return target;
}

const ended = (now: Date, outcome: OrderRow['outcome']): OrderPatch => ({ outcome, closedAt: now });

/** The effects of `input` on `f.order`, checked against the database where the event names other rows. */
export async function effectsOf(f: MoveFacts, input: OrderMoveInput): Promise<MoveEffects> {
  const { order, service, to, now, tctx } = f;
  const { actor } = tctx;
  const clock = clockAfter(order, to, now, service, input.event === 'transfer');
  const dropPending: OrderPatch = WORKING_STATUSES.includes(to) ? {} : { extensionPendingHours: null, extensionPendingReason: null };
  const base = { ...clock, ...dropPending };
  switch (input.event) {
    case 'dispatch':
    case 'transfer': {
      await checkHandler(f, input.handlerOrgId, input.handlerUserId);
      const handler = { handlerOrgId: input.handlerOrgId, handlerUserId: input.handlerUserId ?? null };
      const text = input.event === 'dispatch' ? (input.note ?? '') : input.reason;
      return { patch: { ...base, ...handler, dispatchedAt: now }, text, details: { ...handler, fromOrgId: order.handlerOrgId } };
    }
    case 'return':
      return {
        patch: { ...base, handlerOrgId: null, handlerUserId: null },
        text: input.reason,
        details: { fromOrgId: order.handlerOrgId },
      };
    case 'accept':
      return { patch: { ...base, acceptedAt: now, acceptedOnTime: onTime(order.acceptDueAt, now) }, text: input.note ?? '', details: {} };
    case 'start':
      return { patch: base, text: input.note ?? '', details: {} };
    case 'handle':
      return {
        patch: { ...base, handledAt: now, handledBy: actor.userId, handledOnTime: onTime(order.handleDueAt, now) },
        text: input.note,
        details: { attachments: input.attachmentIds.length },
        after: (eventId) =>
          claimAttachments(tctx.tx, { ids: input.attachmentIds, ownerId: actor.userId, orderId: order.id, eventId }, tctx.locale),
      };
    case 'request_extension':
      return {
        patch: { extensionPendingHours: input.hours, extensionPendingReason: input.reason },
        text: input.reason,
        details: { hours: input.hours },
      };
    case 'approve_extension': {
      const hours = order.extensionPendingHours ?? 0;
      return {
        patch: {
          ...extendedClock(order, hours, service),
          extensionHours: order.extensionHours + hours,
          extensionCount: order.extensionCount + 1,
          extensionPendingHours: null,
          extensionPendingReason: null,
        },
        text: input.note ?? '',
        details: { hours },
      };
    }
    case 'reject_extension':
      return {
        patch: { extensionPendingHours: null, extensionPendingReason: null },
        text: input.reason,
        details: { hours: order.extensionPendingHours },
      };
    case 'suspend':
      return { patch: { ...base, suspendedFrom: order.status, suspendedAt: now }, text: input.reason, details: {} };
    case 'resume': {
      const pausedMinutes = order.suspendedAt ? Math.round((now.getTime() - order.suspendedAt.getTime()) / 60_000) : 0;
      return {
        patch: { ...resumedClock(order, to, now, service), suspendedFrom: null, suspendedAt: null },
        text: input.note ?? '',
        details: { pausedMinutes },
      };
    }
    case 'merge': {
      const target = await mergeTarget(f, input.intoOrderId);
      return {
        patch: { ...base, ...ended(now, 'duplicate'), mergedIntoId: target.id },
        text: input.note ?? '',
        details: { intoOrderId: target.id, intoOrderNo: target.orderNo },
        after: async () => {
          await appendOrderEvent(tctx.tx, target, {
            kind: 'absorb',
            actor: { id: actor.userId, name: actor.displayName },
            text: input.note ?? '',
            details: { orderId: order.id, orderNo: order.orderNo, residentId: order.residentId },
            at: now,
          });
          await updateOrderVersioned(tctx.tx, target.id, {}, now);
        },
      };
    }
    case 'withdraw':
      // a suspended order withdrawn by the resident ends there: nothing is left to resume to
      return {
        patch: { ...base, ...ended(now, 'withdrawn'), suspendedFrom: null, suspendedAt: null },
        text: input.reason ?? '',
        details: {},
      };
    case 'confirm': {
      const ratedVia = ratingVia(f.role);
      return {
        patch: { ...base, confirmedAt: now, rating: input.rating, ratingReasons: input.reasons, ratedVia },
        text: input.comment ?? '',
        details: { rating: input.rating, reasons: input.reasons, via: ratedVia },
      };
    }
    case 'contest':
      return {
        patch: { ...base, reworkCount: order.reworkCount + 1 },
        text: input.reason,
        details: { via: ratingVia(f.role), rework: order.reworkCount + 1 },
      };
    case 'close':
      return {
        patch: { ...base, ...ended(now, input.outcome), closedOnTime: order.handledOnTime !== false && onTime(order.stageDueAt, now) },
        text: input.note ?? '',
        details: { outcome: input.outcome },
        after: () => creditOrderHours(tctx, order, input.outcome, now),
      };
  }
}
