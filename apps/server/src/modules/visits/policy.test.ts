import { type Role, Role as RoleEnum } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor, ScopedRow } from '../../core/actor.js';
import { TREE, actorFor } from '../areas/policy-test-kit.js';
import { canReadVisits, canRecordVisit } from './policy.js';

const { buildingA, communityB } = TREE;
const inBuildingA: ScopedRow = { ...buildingA };
/** Same community, another grid and building. */
const elsewhereInA: ScopedRow = { ...buildingA, compoundId: null, gridId: communityB.id, buildingId: communityB.id };
const inB: ScopedRow = { ...communityB };

const READ_A: Role[] = ['system_admin', 'street_supervisor', 'community_admin', 'community_staff'];

/** Each action with the roles that may do it; every other role must not. */
const TABLE: [action: string, check: (actor: Actor) => boolean, allowed: Role[]][] = [
  ['read visits to a household of their building', (a) => canReadVisits(a, inBuildingA), [...READ_A, 'grid_worker', 'building_leader']],
  ['read visits to a household elsewhere in their community', (a) => canReadVisits(a, elsewhereInA), READ_A],
  ['read visits to a household of another community', (a) => canReadVisits(a, inB), ['system_admin', 'street_supervisor']],
  [
    'record a visit to a household of their building',
    (a) => canRecordVisit(a, inBuildingA),
    ['system_admin', 'community_admin', 'community_staff', 'grid_worker', 'building_leader'],
  ],
  [
    'record a visit to a household elsewhere in their community',
    (a) => canRecordVisit(a, elsewhereInA),
    ['system_admin', 'community_admin', 'community_staff'],
  ],
  ['record a visit to a household of another community', (a) => canRecordVisit(a, inB), ['system_admin']],
];

describe('visit policy', () => {
  for (const [action, check, allowed] of TABLE) {
    for (const role of RoleEnum.options) {
      const ok = allowed.includes(role);
      it(`${role}: ${ok ? 'can' : 'cannot'} ${action}`, () => {
        expect(check(actorFor(role))).toBe(ok);
      });
    }
  }
});
