import { type Role, Role as RoleEnum } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.js';
import { TREE, actorFor } from './policy-test-kit.js';
import { canAddChild, canDeleteArea, canEditArea, canReadArea } from './policy.js';

const { street, communityA, communityB, gridA, compoundA, buildingA } = TREE;

/** Each action with the roles that may do it; every other role must not. */
const TABLE: [action: string, check: (actor: Actor) => boolean, allowed: Role[]][] = [
  [
    'read their community',
    (a) => canReadArea(a, communityA),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff', 'evaluator', 'party_organiser'],
  ],
  ['read another community', (a) => canReadArea(a, communityB), ['system_admin', 'street_supervisor']],
  [
    'read a building of their grid',
    (a) => canReadArea(a, buildingA),
    [
      'system_admin',
      'street_supervisor',
      'community_admin',
      'community_staff',
      'grid_worker',
      'building_leader',
      'evaluator',
      'party_organiser',
    ],
  ],
  [
    'read the compound',
    (a) => canReadArea(a, compoundA),
    ['system_admin', 'street_supervisor', 'community_admin', 'community_staff', 'evaluator', 'party_organiser'],
  ],
  ['rename the community', (a) => canEditArea(a, communityA), ['system_admin', 'street_supervisor', 'community_admin']],
  ['rename another community', (a) => canEditArea(a, communityB), ['system_admin', 'street_supervisor']],
  ['rename the street', (a) => canEditArea(a, street), ['system_admin', 'street_supervisor']],
  [
    'add a compound to the community',
    (a) => canAddChild(a, communityA, 'compound'),
    ['system_admin', 'street_supervisor', 'community_admin'],
  ],
  [
    'add a building to the compound',
    (a) => canAddChild(a, compoundA, 'building'),
    ['system_admin', 'street_supervisor', 'community_admin'],
  ],
  ['add a building directly to the community', (a) => canAddChild(a, communityA, 'building'), []],
  ['add anything to a grid', (a) => canAddChild(a, gridA), []],
  ['add a community to the street', (a) => canAddChild(a, street, 'community'), ['system_admin', 'street_supervisor']],
  ['delete the community', (a) => canDeleteArea(a, communityA), ['system_admin', 'street_supervisor']],
  ['delete the street', (a) => canDeleteArea(a, street), ['system_admin']],
  ['delete a building', (a) => canDeleteArea(a, buildingA), ['system_admin', 'street_supervisor', 'community_admin']],
  ['delete the grid', (a) => canDeleteArea(a, gridA), ['system_admin', 'street_supervisor', 'community_admin']],
];

describe('area policy', () => {
  for (const [action, check, allowed] of TABLE) {
    for (const role of RoleEnum.options) {
      const ok = allowed.includes(role);
      it(`${role}: ${ok ? 'can' : 'cannot'} ${action}`, () => {
        expect(check(actorFor(role))).toBe(ok);
      });
    }
  }
});
