import type { AreaKind, Role } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { type Assignment, buildActor } from '../../core/actor.js';
import { EVALUATOR_ROLES, canAddEvidence, canManageProject, canSeeProject, projectAbilities, projectListScope } from './policy.js';

const IDS = { district: 'd1', street: 's1', community: 'c1', otherCommunity: 'c2', org: 'o1', otherOrg: 'o2' };

function actorOf(role: Role, scope: { kind: AreaKind; id: string } | { org: string }, userId = `u-${role}`) {
  const a: Assignment = {
    role,
    areaId: 'org' in scope ? null : scope.id,
    areaKind: 'org' in scope ? null : scope.kind,
    orgId: 'org' in scope ? scope.org : null,
    districtId: IDS.district,
    streetId: 'org' in scope || scope.kind === 'district' ? null : IDS.street,
    communityId: 'org' in scope || scope.kind !== 'community' ? null : scope.id,
    compoundId: null,
    gridId: null,
    buildingId: null,
  };
  return buildActor({ userId, username: role, displayName: role, locale: 'zh-CN', residentId: null, assignments: [a] });
}

const communityProject = {
  districtId: IDS.district,
  streetId: IDS.street,
  communityId: IDS.community,
  providerOrgId: IDS.org,
  evaluatorIds: ['u-evaluator'],
};
const streetProject = { ...communityProject, communityId: null, evaluatorIds: [] };

describe('project policy: role × action', () => {
  const cases: [string, ReturnType<typeof actorOf>, boolean, boolean, boolean][] = [
    // name, actor, sees the community's project, manages it, adds evidence
    ['community_staff of the community', actorOf('community_staff', { kind: 'community', id: IDS.community }), true, true, true],
    [
      'community_admin of another community',
      actorOf('community_admin', { kind: 'community', id: IDS.otherCommunity }),
      false,
      false,
      false,
    ],
    ['street_supervisor of the street', actorOf('street_supervisor', { kind: 'street', id: IDS.street }), true, true, true],
    ['handler_staff of the provider', actorOf('handler_staff', { org: IDS.org }), true, false, true],
    ['handler_staff of another organisation', actorOf('handler_staff', { org: IDS.otherOrg }), false, false, false],
    ['evaluator assigned', actorOf('evaluator', { kind: 'street', id: IDS.street }), true, false, false],
    ['evaluator not assigned', actorOf('evaluator', { kind: 'street', id: IDS.street }, 'u-other'), false, false, false],
    ['grid_worker of the community', actorOf('grid_worker', { kind: 'community', id: IDS.community }), false, false, false],
  ];
  it.each(cases)('%s: sees %s, manages %s, adds evidence %s', (_name, actor, sees, manages, evidence) => {
    expect([
      canSeeProject(actor, communityProject),
      canManageProject(actor, communityProject),
      canAddEvidence(actor, communityProject),
    ]).toEqual([sees, manages, evidence]);
  });

  it('community_staff: cannot see or manage a project the street bought itself; the street can', () => {
    const staff = actorOf('community_staff', { kind: 'community', id: IDS.community });
    expect([canSeeProject(staff, streetProject), canManageProject(staff, streetProject)]).toEqual([false, false]);
    const street = actorOf('street_supervisor', { kind: 'street', id: IDS.street });
    expect(canManageProject(street, streetProject)).toBe(true);
  });

  it('evaluator: may score only until a live evaluation exists, and holds no other ability', () => {
    const evaluator = actorOf('evaluator', { kind: 'street', id: IDS.street });
    expect(projectAbilities(evaluator, communityProject, false)).toEqual(['evaluate']);
    expect(projectAbilities(evaluator, communityProject, true)).toEqual([]);
    expect(projectListScope(evaluator)).toMatchObject({ all: false, streets: [], communities: [], evaluatorId: 'u-evaluator' });
    expect(EVALUATOR_ROLES).toEqual(['evaluator']);
  });
});
