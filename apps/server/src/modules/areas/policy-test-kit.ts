import type { AreaKind, Role } from '@linli/contracts';
import { type Actor, type Assignment, buildActor } from '../../core/actor.js';
import { scopeIdsOf } from '../../core/scope.js';
import type { OrgPolicyRow } from '../orgs/policy.js';
import type { AreaPolicyNode } from './policy.js';
import { type ParentNode, ancestryFor } from './tree.js';

/** In-memory rows for pure policy tables: one street with communities A and B, and orgs at each level. */
let n = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function node(kind: AreaKind, parent: ParentNode | null, gridId?: string): ParentNode {
  const id = nextId();
  return { id, kind, ...ancestryFor(kind, id, parent, gridId) };
}

const district = node('district', null);
const street = node('street', district);
const communityA = node('community', street);
const gridA = node('grid', communityA);
const compoundA = node('compound', communityA);
const buildingA = node('building', compoundA, gridA.id);
const communityB = node('community', street);

export const TREE = { district, street, communityA, gridA, compoundA, buildingA, communityB } satisfies Record<string, AreaPolicyNode>;

const org = (area: ParentNode): OrgPolicyRow => ({
  id: nextId(),
  districtId: area.districtId!,
  streetId: area.streetId!,
  communityId: area.communityId,
});

export const ORGS = { street: org(street), a: org(communityA), b: org(communityB), handler: org(communityA) };

/** Where each role sits in the fixture: an area node, or the handler org of community A. */
const SEAT: Record<Role, ParentNode | OrgPolicyRow> = {
  system_admin: district,
  street_supervisor: street,
  community_admin: communityA,
  community_staff: communityA,
  grid_worker: gridA,
  building_leader: buildingA,
  handler_staff: ORGS.handler,
  volunteer: ORGS.handler,
  resident: buildingA,
  evaluator: communityA,
  party_organiser: communityA,
};

/** An actor holding `role` at its fixture seat, built the way the session loader builds it. */
export function actorFor(role: Role): Actor {
  const seat = SEAT[role];
  const assignment: Assignment =
    'kind' in seat
      ? { role, areaId: seat.id, areaKind: seat.kind, orgId: null, ...scopeIdsOf(seat) }
      : { role, areaId: null, areaKind: null, orgId: seat.id, ...scopeIdsOf(seat) };
  return buildActor({ userId: nextId(), username: role, displayName: role, locale: 'en', residentId: null, assignments: [assignment] });
}
