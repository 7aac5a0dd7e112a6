import { type Role, Role as RoleEnum } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.js';
import { ORGS, TREE, actorFor } from '../areas/policy-test-kit.js';
import { canCreateOrgOn, canEditOrg, canReadOrg } from './policy.js';

const READ_A: Role[] = ['system_admin', 'street_supervisor', 'community_admin', 'community_staff', 'evaluator'];

/** Each action with the roles that may do it; every other role must not. */
const TABLE: [action: string, check: (actor: Actor) => boolean, allowed: Role[]][] = [
  ["read their street's org", (a) => canReadOrg(a, ORGS.street), READ_A],
  ["read their community's org", (a) => canReadOrg(a, ORGS.a), READ_A],
  ["read another community's org", (a) => canReadOrg(a, ORGS.b), ['system_admin', 'street_supervisor']],
  ['read their own org', (a) => canReadOrg(a, ORGS.handler), [...READ_A, 'handler_staff']],
  ["edit their street's org", (a) => canEditOrg(a, ORGS.street), ['system_admin', 'street_supervisor']],
  ["edit their community's org", (a) => canEditOrg(a, ORGS.a), ['system_admin', 'street_supervisor']],
  ['edit their own org', (a) => canEditOrg(a, ORGS.handler), ['system_admin', 'street_supervisor']],
  ['create an org on their community', (a) => canCreateOrgOn(a, TREE.communityA), ['system_admin', 'street_supervisor']],
  ['create an org on another community', (a) => canCreateOrgOn(a, TREE.communityB), ['system_admin', 'street_supervisor']],
];

describe('handler org policy', () => {
  for (const [action, check, allowed] of TABLE) {
    for (const role of RoleEnum.options) {
      const ok = allowed.includes(role);
      it(`${role}: ${ok ? 'can' : 'cannot'} ${action}`, () => {
        expect(check(actorFor(role))).toBe(ok);
      });
    }
  }
});
