import { type Role, Role as RoleEnum } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.js';
import { TREE, actorFor } from '../areas/policy-test-kit.js';
import { canEditCareTags, canReadCareTags } from '../care-tags/policy.js';
import { canFilterByArea, canReadRegistry, canRevealFields, canRevealPii, canWriteRegistry, householdAbilities } from './policy.js';

const { communityA, communityB, buildingA, gridA } = TREE;
/** A household in building A (grid A, compound A) and one in community B. */
const inA = { ...buildingA, status: 'active' };
const inB = { ...communityB, status: 'active' };
const otherGridOfA = { ...communityA, gridId: '00000000-0000-4000-8000-999999999999', status: 'active' };

const TABLE: [action: string, check: (actor: Actor) => boolean, allowed: Role[]][] = [
  [
    'read a household of building A',
    (a) => canReadRegistry(a, inA),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'],
  ],
  ['read a household of community B', (a) => canReadRegistry(a, inB), ['system_admin', 'street_supervisor']],
  [
    'read a household in another grid of community A',
    (a) => canReadRegistry(a, otherGridOfA),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff'],
  ],
  [
    'change a household of building A',
    (a) => canWriteRegistry(a, inA),
    ['system_admin', 'community_admin', 'community_staff', 'grid_worker'],
  ],
  [
    'change a household in another grid of community A',
    (a) => canWriteRegistry(a, otherGridOfA),
    ['system_admin', 'community_admin', 'community_staff'],
  ],
  ['change a household of community B', (a) => canWriteRegistry(a, inB), ['system_admin']],
  [
    'reveal an ID number in building A',
    (a) => canRevealPii(a, inA),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff'],
  ],
  [
    'reveal a phone in building A (grid A)',
    (a) => canRevealFields(a, inA, ['phone']),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff', 'grid_worker'],
  ],
  [
    'reveal a phone and an ID number in building A',
    (a) => canRevealFields(a, inA, ['phone', 'idNumber']),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff'],
  ],
  [
    'reveal a phone in another grid of community A',
    (a) => canRevealFields(a, otherGridOfA, ['phone']),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff'],
  ],
  [
    'filter by community A',
    (a) => canFilterByArea(a, communityA),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'],
  ],
  [
    'filter by grid A',
    (a) => canFilterByArea(a, gridA),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'],
  ],
  ['filter by community B', (a) => canFilterByArea(a, communityB), ['system_admin', 'street_supervisor']],
  [
    "read community A's care tags",
    (a) => canReadCareTags(a, communityA),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'],
  ],
  ["change community A's care tags", (a) => canEditCareTags(a, communityA), ['system_admin', 'street_supervisor', 'community_admin']],
  ["change community B's care tags", (a) => canEditCareTags(a, communityB), ['system_admin', 'street_supervisor']],
];

describe('registry policy (role × action)', () => {
  for (const [action, check, allowed] of TABLE)
    for (const role of RoleEnum.options)
      it(`${role}: ${allowed.includes(role) ? 'can' : 'cannot'} ${action}`, () => {
        expect(check(actorFor(role))).toBe(allowed.includes(role));
      });

  it('community_admin: cannot edit or move a household that has moved out', () => {
    expect(householdAbilities(actorFor('community_admin'), { ...inA, status: 'moved_out' })).toEqual({
      canEdit: false,
      canMove: false,
      canVisit: false,
    });
  });
});
