import { describe, expect, it } from 'vitest';
import {
  type OrderEvent,
  type OrderMoveContext,
  type OrderOutcome,
  type OrderStatus,
  OrderEvent as OrderEventEnum,
  OrderOutcome as OrderOutcomeEnum,
  OrderStatus as OrderStatusEnum,
  availableOrderEvents,
  decideOrderMove,
} from './order-machine.js';
import { Role as RoleEnum, type Role } from './roles.js';

// The expected table, written out independently of ORDER_MOVES: (status, event) → the status reached and the roles.
const DESK: Role[] = ['system_admin', 'street_supervisor', 'community_admin', 'community_staff'];
const HANDLER: Role[] = ['handler_staff'];
const WORKER: Role[] = ['handler_staff', 'volunteer'];
const RESIDENT_OR_VISIT: Role[] = ['resident', 'community_admin', 'community_staff', 'grid_worker'];
const RESIDENT_OR_DESK: Role[] = ['resident', ...DESK];
const STREET: Role[] = ['system_admin', 'street_supervisor'];

type Row = [OrderStatus, OrderEvent, OrderStatus, Role[]];
const ALLOWED: Row[] = [
  ['placed', 'dispatch', 'dispatched', DESK],
  ['placed', 'suspend', 'suspended', DESK],
  ['placed', 'merge', 'merged', DESK],
  ['placed', 'withdraw', 'withdrawn', RESIDENT_OR_DESK],
  ['placed', 'close', 'closed', STREET],

  ['dispatched', 'transfer', 'dispatched', DESK],
  ['dispatched', 'return', 'placed', HANDLER],
  ['dispatched', 'accept', 'accepted', WORKER],
  ['dispatched', 'suspend', 'suspended', DESK],
  ['dispatched', 'merge', 'merged', DESK],
  ['dispatched', 'withdraw', 'withdrawn', RESIDENT_OR_DESK],

  ['accepted', 'transfer', 'dispatched', DESK],
  ['accepted', 'return', 'placed', HANDLER],
  ['accepted', 'start', 'in_progress', WORKER],
  ['accepted', 'handle', 'handled', WORKER],
  ['accepted', 'request_extension', 'accepted', WORKER],
  ['accepted', 'approve_extension', 'accepted', DESK],
  ['accepted', 'reject_extension', 'accepted', DESK],
  ['accepted', 'suspend', 'suspended', DESK],
  ['accepted', 'withdraw', 'withdrawn', RESIDENT_OR_DESK],

  ['in_progress', 'transfer', 'dispatched', DESK],
  ['in_progress', 'handle', 'handled', WORKER],
  ['in_progress', 'request_extension', 'in_progress', WORKER],
  ['in_progress', 'approve_extension', 'in_progress', DESK],
  ['in_progress', 'reject_extension', 'in_progress', DESK],
  ['in_progress', 'suspend', 'suspended', DESK],

  ['handled', 'confirm', 'confirmed', RESIDENT_OR_VISIT],
  ['handled', 'contest', 'in_progress', RESIDENT_OR_VISIT],
  ['handled', 'close', 'closed', STREET],

  ['confirmed', 'close', 'closed', STREET],

  // resumes to the status before suspension; the table probes with suspendedFrom = 'accepted'
  ['suspended', 'resume', 'accepted', DESK],
  ['suspended', 'withdraw', 'withdrawn', RESIDENT_OR_DESK],
];

/** A context under which every guard passes, so the table sees only role and state. */
function passing(status: OrderStatus, event: OrderEvent): OrderMoveContext {
  const outcome: Partial<Record<OrderStatus, OrderOutcome>> = { placed: 'not_responsible', handled: 'resolved', confirmed: 'resolved' };
  return {
    status,
    suspendedFrom: 'accepted',
    extensionPending: event === 'approve_extension' || event === 'reject_extension',
    actorIsHandler: false,
    communityMayClose: false,
    outcome: outcome[status] ?? 'resolved',
  };
}

describe('decideOrderMove: the full table of status × event × role', () => {
  const expected = new Map(ALLOWED.map(([s, e, to, roles]) => [`${s}/${e}`, { to, roles }]));

  it('the expected table names only known statuses, events and roles, each pair once', () => {
    expect(expected.size).toBe(ALLOWED.length);
    for (const [s, e, to, roles] of ALLOWED) {
      expect(OrderStatusEnum.options).toContain(s);
      expect(OrderStatusEnum.options).toContain(to);
      expect(OrderEventEnum.options).toContain(e);
      for (const r of roles) expect(RoleEnum.options).toContain(r);
    }
  });

  for (const status of OrderStatusEnum.options) {
    for (const event of OrderEventEnum.options) {
      it(`${status} × ${event}`, () => {
        const row = expected.get(`${status}/${event}`);
        const allowedRoles = new Set(row?.roles ?? []);
        const everyRole = new Set(ALLOWED.filter(([, e]) => e === event).flatMap(([, , , roles]) => roles));
        for (const role of RoleEnum.options) {
          const got = decideOrderMove(passing(status, event), event, role);
          if (allowedRoles.has(role)) expect(got, role).toEqual({ ok: true, to: row!.to });
          else if (everyRole.has(role)) expect(got, role).toEqual({ ok: false, reason: 'state' });
          else expect(got, role).toEqual({ ok: false, reason: 'role' });
        }
      });
    }
  }

  it('terminal statuses accept no move from anyone', () => {
    for (const status of ['closed', 'merged', 'withdrawn'] as const)
      for (const event of OrderEventEnum.options)
        for (const role of RoleEnum.options) expect(decideOrderMove(passing(status, event), event, role).ok).toBe(false);
  });

  it('checks the role before the state, so a forbidden role gets 403 whatever the state', () => {
    expect(decideOrderMove({ status: 'closed' }, 'dispatch', 'resident')).toEqual({ ok: false, reason: 'role' });
    expect(decideOrderMove({ status: 'closed' }, 'dispatch', 'community_staff')).toEqual({ ok: false, reason: 'state' });
  });
});

describe('decideOrderMove: guards', () => {
  it('refuses a second extension request while one is pending', () => {
    const ctx = { status: 'in_progress' as const, extensionPending: true };
    expect(decideOrderMove(ctx, 'request_extension', 'handler_staff')).toEqual({ ok: false, reason: 'guard', guard: 'extension_pending' });
    expect(decideOrderMove({ ...ctx, extensionPending: false }, 'request_extension', 'handler_staff')).toEqual({
      ok: true,
      to: 'in_progress',
    });
  });

  it('approves or rejects only a pending extension', () => {
    for (const event of ['approve_extension', 'reject_extension'] as const) {
      expect(decideOrderMove({ status: 'accepted' }, event, 'community_staff')).toEqual({
        ok: false,
        reason: 'guard',
        guard: 'no_extension_pending',
      });
      expect(decideOrderMove({ status: 'accepted', extensionPending: true }, event, 'community_staff')).toEqual({
        ok: true,
        to: 'accepted',
      });
    }
  });

  it('refuses a closer who handled the order or belongs to its handler organisation', () => {
    const ctx = { status: 'confirmed' as const, outcome: 'resolved' as const };
    expect(decideOrderMove({ ...ctx, actorIsHandler: true }, 'close', 'street_supervisor')).toEqual({
      ok: false,
      reason: 'guard',
      guard: 'closer_is_handler',
    });
    expect(decideOrderMove({ ...ctx, actorIsHandler: false }, 'close', 'street_supervisor')).toEqual({ ok: true, to: 'closed' });
  });

  it('accepts only the outcomes that fit the status being closed', () => {
    const fits: Record<'placed' | 'handled' | 'confirmed', OrderOutcome[]> = {
      placed: ['unresolved', 'not_responsible', 'duplicate'],
      handled: ['resolved', 'unresolved', 'not_responsible'],
      confirmed: ['resolved', 'unresolved', 'not_responsible'],
    };
    for (const [status, outcomes] of Object.entries(fits) as [keyof typeof fits, OrderOutcome[]][]) {
      for (const outcome of OrderOutcomeEnum.options) {
        const got = decideOrderMove({ status, outcome }, 'close', 'street_supervisor');
        expect(got, `${status} ${outcome}`).toEqual(
          outcomes.includes(outcome) ? { ok: true, to: 'closed' } : { ok: false, reason: 'guard', guard: 'outcome' },
        );
      }
      expect(decideOrderMove({ status, outcome: null }, 'close', 'street_supervisor')).toEqual({
        ok: false,
        reason: 'guard',
        guard: 'outcome',
      });
    }
  });

  it('lets the community admin close only where the community is configured to close', () => {
    const ctx = { status: 'confirmed' as const, outcome: 'resolved' as const };
    expect(decideOrderMove(ctx, 'close', 'community_admin')).toEqual({ ok: false, reason: 'role' });
    expect(decideOrderMove({ ...ctx, communityMayClose: true }, 'close', 'community_admin')).toEqual({ ok: true, to: 'closed' });
    expect(decideOrderMove({ ...ctx, communityMayClose: true }, 'close', 'community_staff')).toEqual({ ok: false, reason: 'role' });
    expect(decideOrderMove({ ...ctx, communityMayClose: true }, 'dispatch', 'community_admin')).toEqual({ ok: false, reason: 'state' });
  });

  it('resumes to the status the order was suspended from, and not at all without one', () => {
    for (const from of ['placed', 'dispatched', 'accepted', 'in_progress'] as const)
      expect(decideOrderMove({ status: 'suspended', suspendedFrom: from }, 'resume', 'community_staff')).toEqual({ ok: true, to: from });
    expect(decideOrderMove({ status: 'suspended', suspendedFrom: null }, 'resume', 'community_staff')).toEqual({
      ok: false,
      reason: 'state',
    });
  });
});

describe('availableOrderEvents', () => {
  it('offers the desk what it may do on a placed order', () => {
    expect(availableOrderEvents({ status: 'placed' }, ['community_staff'])).toEqual(['dispatch', 'suspend', 'merge', 'withdraw']);
    expect(availableOrderEvents({ status: 'placed' }, ['street_supervisor'])).toEqual([
      'dispatch',
      'suspend',
      'merge',
      'withdraw',
      'close',
    ]);
  });

  it('offers the handler the work moves, and an extension only when none is pending', () => {
    expect(availableOrderEvents({ status: 'accepted' }, ['handler_staff'])).toEqual(['return', 'start', 'handle', 'request_extension']);
    expect(availableOrderEvents({ status: 'in_progress', extensionPending: true }, ['handler_staff'])).toEqual(['handle']);
    expect(availableOrderEvents({ status: 'in_progress', extensionPending: true }, ['community_staff'])).toEqual([
      'transfer',
      'approve_extension',
      'reject_extension',
      'suspend',
    ]);
  });

  it('offers the resident confirm, contest and withdraw where they apply', () => {
    expect(availableOrderEvents({ status: 'handled' }, ['resident'])).toEqual(['confirm', 'contest']);
    expect(availableOrderEvents({ status: 'placed' }, ['resident'])).toEqual(['withdraw']);
    expect(availableOrderEvents({ status: 'in_progress' }, ['resident'])).toEqual([]);
  });

  it('hides close from a handler and shows it to the community admin where configured', () => {
    expect(availableOrderEvents({ status: 'confirmed', actorIsHandler: true }, ['street_supervisor'])).toEqual([]);
    expect(availableOrderEvents({ status: 'confirmed' }, ['street_supervisor'])).toEqual(['close']);
    expect(availableOrderEvents({ status: 'confirmed', communityMayClose: true }, ['community_admin'])).toEqual(['close']);
    expect(availableOrderEvents({ status: 'confirmed' }, ['community_admin'])).toEqual([]);
  });

  it('unions the moves of several roles and offers nothing on a terminal order', () => {
    expect(availableOrderEvents({ status: 'handled' }, ['resident', 'street_supervisor'])).toEqual(['confirm', 'contest', 'close']);
    expect(availableOrderEvents({ status: 'closed' }, RoleEnum.options)).toEqual([]);
    expect(availableOrderEvents({ status: 'suspended', suspendedFrom: 'dispatched' }, ['community_staff'])).toEqual(['resume', 'withdraw']);
  });
});
