import { type Role, Role as RoleEnum } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.js';
import { ORGS, TREE, actorFor } from '../areas/policy-test-kit.js';
import type { OrderRow } from './repo.js';
import { canComment, canCommentInternal, canReadOrder, orderAbilities, orderRolesOf, orgServesOrder } from './policy.js';

const { buildingA, communityB } = TREE;
const RESIDENT_ID = '00000000-0000-4000-9000-000000000001';
const PLACER_ID = '00000000-0000-4000-9000-000000000002';

function order(over: Partial<OrderRow> = {}): OrderRow {
  const at = new Date('2026-03-02T08:00:00Z');
  return {
    id: '00000000-0000-4000-9000-0000000000ff',
    orderNo: '202603020000001',
    serviceId: '00000000-0000-4000-9000-0000000000aa',
    category: 'property',
    emergency: false,
    status: 'dispatched',
    suspendedFrom: null,
    version: 2,
    channel: 'portal',
    description: 'water leaking from the ceiling',
    fields: {},
    districtId: buildingA.districtId!,
    streetId: buildingA.streetId!,
    communityId: buildingA.communityId!,
    compoundId: buildingA.compoundId,
    gridId: buildingA.gridId,
    buildingId: buildingA.id,
    flatId: null,
    householdId: null,
    residentId: RESIDENT_ID,
    address: '',
    contactName: null,
    contactPhoneEnc: null,
    contactEmail: null,
    placedBy: PLACER_ID,
    consent: null,
    idempotencyKey: null,
    open311Token: null,
    lat: null,
    long: null,
    handlerOrgId: ORGS.handler.id,
    handlerUserId: null,
    handledBy: null,
    placedAt: at,
    dispatchedAt: at,
    acceptedAt: null,
    handledAt: null,
    confirmedAt: null,
    closedAt: null,
    stageStartedAt: at,
    stageDueAt: at,
    dispatchDueAt: at,
    acceptDueAt: at,
    handleDueAt: null,
    confirmDueAt: null,
    closeDueAt: null,
    remindedAt: null,
    overdueSince: null,
    escalationLevel: 0,
    suspendedAt: null,
    acceptedOnTime: null,
    handledOnTime: null,
    closedOnTime: null,
    reworkCount: 0,
    extensionCount: 0,
    extensionHours: 0,
    extensionPendingHours: null,
    extensionPendingReason: null,
    rating: null,
    ratingReasons: [],
    ratedVia: null,
    outcome: null,
    mergedIntoId: null,
    updatedAt: at,
    ...over,
  };
}

const inA = order();
const inB = order({
  districtId: communityB.districtId!,
  streetId: communityB.streetId!,
  communityId: communityB.id,
  compoundId: null,
  gridId: null,
  buildingId: null,
  handlerOrgId: ORGS.b.id,
});
const otherHandler = order({ handlerOrgId: ORGS.a.id });

const AREA_READERS: Role[] = [
  'system_admin',
  'street_supervisor',
  'community_admin',
  'community_staff',
  'grid_worker',
  'building_leader',
  'evaluator',
];
/** Area readers who also work orders there: every one but the read-only evaluator. */
const AREA_WORKERS = AREA_READERS.filter((r) => r !== 'evaluator');

/** Each action with the roles that may do it; every other role must not. */
const TABLE: [action: string, check: (actor: Actor) => boolean, allowed: Role[]][] = [
  ['read an order of their area dispatched to their organisation', (a) => canReadOrder(a, inA), [...AREA_READERS, 'handler_staff']],
  ['read an order of their area dispatched elsewhere', (a) => canReadOrder(a, otherHandler), AREA_READERS],
  ['read an order of another community', (a) => canReadOrder(a, inB), ['system_admin', 'street_supervisor']],
  ['comment on an order of their area', (a) => canComment(a, inA), [...AREA_WORKERS, 'handler_staff']],
  ['comment on an order of another community', (a) => canComment(a, inB), ['system_admin', 'street_supervisor']],
  ['comment internally on an order of their area', (a) => canCommentInternal(a, inA), [...AREA_WORKERS, 'handler_staff']],
  ['comment internally on an order of another community', (a) => canCommentInternal(a, inB), ['system_admin', 'street_supervisor']],
];

describe('order read policy', () => {
  for (const [action, check, allowed] of TABLE) {
    for (const role of RoleEnum.options) {
      const ok = allowed.includes(role);
      it(`${role}: ${ok ? 'can' : 'cannot'} ${action}`, () => {
        expect(check(actorFor(role))).toBe(ok);
      });
    }
  }

  const residentOf = (residentId: string | null, userId?: string): Actor => ({
    ...actorFor('resident'),
    residentId,
    ...(userId ? { userId } : {}),
  });

  it('resident: can read their own order and comment on it, but cannot comment internally', () => {
    const me = residentOf(RESIDENT_ID);
    expect(canReadOrder(me, inA)).toBe(true);
    expect(orderAbilities(me, inA, { communityMayClose: false })).toEqual({
      events: ['withdraw'],
      canComment: true,
      canCommentInternal: false,
    });
  });

  it('resident: can read an order they placed for someone else in the household', () => {
    expect(canReadOrder(residentOf('00000000-0000-4000-9000-0000000000cc', PLACER_ID), inA)).toBe(true);
  });

  it("resident: cannot read a neighbour's order in their own building", () => {
    const neighbour = residentOf('00000000-0000-4000-9000-0000000000dd');
    expect(canReadOrder(neighbour, inA)).toBe(false);
    expect(orderRolesOf(neighbour, inA, { communityMayClose: false })).toEqual([]);
  });

  it('grid_worker: a proxy placer holds only their area role on the order, not the resident role', () => {
    const worker = { ...actorFor('grid_worker'), userId: PLACER_ID };
    expect(orderRolesOf(worker, inA, { communityMayClose: false })).toEqual(['grid_worker']);
  });

  it('handler_staff: holds the handler role only on orders of their organisation', () => {
    const staff = actorFor('handler_staff');
    expect(orderRolesOf(staff, inA, { communityMayClose: false })).toEqual(['handler_staff']);
    expect(orderRolesOf(staff, otherHandler, { communityMayClose: false })).toEqual([]);
    expect(orderAbilities(staff, inA, { communityMayClose: false }).events).toEqual(['return', 'accept']);
  });

  it('community_admin: can close a confirmed order only where the community is configured to close', () => {
    const admin = actorFor('community_admin');
    const confirmed = order({ status: 'confirmed' });
    expect(orderAbilities(admin, confirmed, { communityMayClose: false }).events).not.toContain('close');
    expect(orderAbilities(admin, confirmed, { communityMayClose: true }).events).toContain('close');
  });

  it('street_supervisor: cannot close an order they handled themselves', () => {
    const sup = actorFor('street_supervisor');
    expect(orderAbilities(sup, order({ status: 'confirmed' }), { communityMayClose: false }).events).toContain('close');
    expect(orderAbilities(sup, order({ status: 'confirmed', handledBy: sup.userId }), { communityMayClose: false }).events).not.toContain(
      'close',
    );
  });

  it('evaluator: can read but holds no move on the order and cannot comment', () => {
    expect(orderAbilities(actorFor('evaluator'), inA, { communityMayClose: false })).toEqual({
      events: [],
      canComment: false,
      canCommentInternal: false,
    });
  });

  it("dispatch: a street's organisation serves every community of it, a community's organisation only its own", () => {
    const street = { streetId: inA.streetId, communityId: null };
    expect(orgServesOrder(street, inA)).toBe(true);
    expect(orgServesOrder(street, inB)).toBe(true);
    expect(orgServesOrder({ streetId: inA.streetId, communityId: inA.communityId }, inA)).toBe(true);
    expect(orgServesOrder({ streetId: inA.streetId, communityId: inA.communityId }, inB)).toBe(false);
    expect(orgServesOrder({ streetId: '00000000-0000-4000-9000-0000000000ee', communityId: null }, inA)).toBe(false);
  });
});
