import { type AreaKind, type Role, Role as RoleEnum } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { type Assignment, type ScopedRow, buildActor } from '../../core/actor.js';
import { canDeactivateUser, canGrant, canManageUser, canViewUser, grantableRoles } from './policy.js';

// Two streets of one district; street S1 holds communities A and B, street S2 holds community C.
const D = 'd0000000-0000-4000-8000-000000000000';
const S1 = 's1000000-0000-4000-8000-000000000000';
const S2 = 's2000000-0000-4000-8000-000000000000';
const A = 'ca000000-0000-4000-8000-000000000000';
const B = 'cb000000-0000-4000-8000-000000000000';
const C = 'cc000000-0000-4000-8000-000000000000';
const G = 'ga000000-0000-4000-8000-000000000000';
const ORG = 'oa000000-0000-4000-8000-000000000000';

const places = {
  district: { districtId: D },
  street1: { districtId: D, streetId: S1 },
  communityA: { districtId: D, streetId: S1, communityId: A },
  gridA: { districtId: D, streetId: S1, communityId: A, gridId: G },
  communityB: { districtId: D, streetId: S1, communityId: B },
  communityC: { districtId: D, streetId: S2, communityId: C },
  orgOfA: { districtId: D, streetId: S1, communityId: A },
  orgOfStreet1: { districtId: D, streetId: S1, communityId: null },
} satisfies Record<string, ScopedRow>;
type Place = keyof typeof places;

const KIND_OF: Partial<Record<Place, AreaKind>> = {
  district: 'district',
  street1: 'street',
  communityA: 'community',
  gridA: 'grid',
  communityB: 'community',
  communityC: 'community',
};

function assignment(role: Role, place: Place): Assignment {
  const row = places[place];
  const kind = KIND_OF[place] ?? null;
  const id = kind ? (row as Record<string, string>)[`${kind}Id`]! : null;
  return {
    role,
    areaId: id,
    areaKind: kind,
    orgId: kind ? null : ORG,
    districtId: row.districtId ?? null,
    streetId: 'streetId' in row ? (row.streetId ?? null) : null,
    communityId: 'communityId' in row ? (row.communityId ?? null) : null,
    compoundId: null,
    gridId: 'gridId' in row ? row.gridId : null,
    buildingId: null,
  };
}

const actorOf = (role: Role, place: Place, userId = 'actor') =>
  buildActor({ userId, username: role, displayName: role, locale: 'zh-CN', residentId: null, assignments: [assignment(role, place)] });

const admin = () => actorOf('system_admin', 'district');
const supervisor = () => actorOf('street_supervisor', 'street1');
const communityAdmin = () => actorOf('community_admin', 'communityA');
const staff = () => actorOf('community_staff', 'communityA');
const evaluator = () => actorOf('evaluator', 'communityA');

describe('canGrant: role × action', () => {
  const table: [string, () => ReturnType<typeof admin>, Role, Place, boolean][] = [
    ['system_admin', admin, 'system_admin', 'district', true],
    ['system_admin', admin, 'street_supervisor', 'street1', true],
    ['system_admin', admin, 'community_staff', 'communityC', true],
    ['street_supervisor', supervisor, 'system_admin', 'street1', false],
    ['street_supervisor', supervisor, 'street_supervisor', 'street1', true],
    ['street_supervisor', supervisor, 'evaluator', 'communityB', true],
    ['street_supervisor', supervisor, 'community_admin', 'communityA', true],
    ['street_supervisor', supervisor, 'handler_staff', 'orgOfStreet1', true],
    ['street_supervisor', supervisor, 'community_admin', 'communityC', false],
    ['street_supervisor', supervisor, 'community_staff', 'district', false],
    ['community_admin', communityAdmin, 'community_staff', 'communityA', true],
    ['community_admin', communityAdmin, 'community_admin', 'communityA', true],
    ['community_admin', communityAdmin, 'grid_worker', 'gridA', true],
    ['community_admin', communityAdmin, 'handler_staff', 'orgOfA', true],
    ['community_admin', communityAdmin, 'handler_staff', 'orgOfStreet1', false],
    ['community_admin', communityAdmin, 'system_admin', 'communityA', false],
    ['community_admin', communityAdmin, 'street_supervisor', 'communityA', false],
    ['community_admin', communityAdmin, 'evaluator', 'communityA', false],
    ['community_admin', communityAdmin, 'community_staff', 'communityB', false],
    ['community_admin', communityAdmin, 'community_staff', 'street1', false],
    ['community_staff', staff, 'grid_worker', 'gridA', false],
    ['evaluator', evaluator, 'community_staff', 'communityA', false],
  ];
  it.each(table)('%s: grants %s on %s → %s', (_name, actor, role, place, expected) => {
    expect(canGrant(actor(), { role, target: places[place] })).toBe(expected);
  });
});

describe('grantableRoles: the roles the user form offers', () => {
  it('community_admin: can grant neither system admin, street supervisor nor evaluator', () => {
    const roles = grantableRoles(communityAdmin());
    expect(roles).not.toContain('system_admin');
    expect(roles).not.toContain('street_supervisor');
    expect(roles).not.toContain('evaluator');
    expect(roles).toContain('grid_worker');
    expect(roles).toContain('community_admin');
  });

  it('street_supervisor: can grant everything but system admin; system_admin: everything', () => {
    expect(grantableRoles(supervisor())).not.toContain('system_admin');
    expect(grantableRoles(supervisor())).toContain('evaluator');
    expect(grantableRoles(admin())).toEqual(RoleEnum.options);
  });

  it('community_staff, evaluator: cannot grant any role', () => {
    expect(grantableRoles(staff())).toEqual([]);
    expect(grantableRoles(evaluator())).toEqual([]);
  });
});

describe('managing users', () => {
  const userIn = (...list: [Role, Place][]) => list.map(([role, place]) => assignment(role, place));

  it('community_admin: can manage and see a staff member of their community', () => {
    const target = userIn(['community_staff', 'communityA']);
    expect(canViewUser(communityAdmin(), target)).toBe(true);
    expect(canManageUser(communityAdmin(), target)).toBe(true);
  });

  it('community_admin: cannot see a user of another community', () => {
    expect(canViewUser(communityAdmin(), userIn(['community_staff', 'communityB']))).toBe(false);
  });

  it('community_admin: can see but cannot manage a user who also works in another community', () => {
    const target = userIn(['community_staff', 'communityA'], ['community_staff', 'communityB']);
    expect(canViewUser(communityAdmin(), target)).toBe(true);
    expect(canManageUser(communityAdmin(), target)).toBe(false);
  });

  it('community_admin: cannot manage an evaluator of their own community', () => {
    expect(canManageUser(communityAdmin(), userIn(['evaluator', 'communityA']))).toBe(false);
  });

  it('street_supervisor: can manage users of every community of the street, not of another street', () => {
    expect(canManageUser(supervisor(), userIn(['community_admin', 'communityA'], ['community_staff', 'communityB']))).toBe(true);
    expect(canViewUser(supervisor(), userIn(['community_staff', 'communityC']))).toBe(false);
  });

  it('street_supervisor: cannot manage a system admin', () => {
    expect(canManageUser(supervisor(), userIn(['system_admin', 'district']))).toBe(false);
  });

  it('system_admin: can manage a user without assignments; others cannot', () => {
    expect(canManageUser(admin(), [])).toBe(true);
    expect(canManageUser(supervisor(), [])).toBe(false);
  });

  it('community_staff: cannot see users at all', () => {
    expect(canViewUser(staff(), userIn(['grid_worker', 'gridA']))).toBe(false);
  });

  it('community_admin: cannot deactivate themself but can deactivate a colleague', () => {
    const self = communityAdmin();
    const assignments = userIn(['community_admin', 'communityA']);
    expect(canDeactivateUser(self, { id: self.userId, assignments })).toBe(false);
    expect(canDeactivateUser(self, { id: 'someone-else', assignments })).toBe(true);
  });
});
