import type { Role } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { type Actor, type Assignment, buildActor } from '../../core/actor.js';
import { canEditCatalogue, canReadCatalogue, homeStreetOf } from './policy.js';

const STREET = { id: 's1', districtId: 'd1' };
const OTHER = { id: 's2', districtId: 'd1' };
const orgStreets = new Map([['org-here', 's1']]);

function actor(role: Role, at: Partial<Assignment>): Actor {
  const a: Assignment = {
    role,
    areaId: null,
    areaKind: null,
    orgId: null,
    districtId: null,
    streetId: null,
    communityId: null,
    compoundId: null,
    gridId: null,
    buildingId: null,
    ...at,
  };
  return buildActor({ userId: 'u', username: 'u', displayName: 'u', locale: 'zh-CN', residentId: null, assignments: [a] });
}

const inStreet = { districtId: 'd1', streetId: 's1' };
const cases: [string, Actor, boolean, boolean][] = [
  ['system_admin', actor('system_admin', { areaId: 'd1', areaKind: 'district', districtId: 'd1' }), true, true],
  ['street_supervisor', actor('street_supervisor', { areaId: 's1', areaKind: 'street', ...inStreet }), true, true],
  ['community_admin', actor('community_admin', { areaId: 'c1', areaKind: 'community', ...inStreet, communityId: 'c1' }), true, false],
  ['community_staff', actor('community_staff', { areaId: 'c1', areaKind: 'community', ...inStreet, communityId: 'c1' }), true, false],
  ['resident', actor('resident', { areaId: 'b1', areaKind: 'building', ...inStreet, buildingId: 'b1' }), true, false],
  ['handler_staff', actor('handler_staff', { orgId: 'org-here' }), true, false],
  ['evaluator', actor('evaluator', { areaId: 's1', areaKind: 'street', ...inStreet }), true, false],
];

describe('catalogue policy', () => {
  it.each(cases)('%s: reads and edits the street catalogue as the role table says', (_role, who, reads, edits) => {
    expect(canReadCatalogue(who, STREET, orgStreets)).toBe(reads);
    expect(canEditCatalogue(who, STREET)).toBe(edits);
  });

  it("street_supervisor: cannot read or edit another street's catalogue", () => {
    const sup = cases[1]![1];
    expect(canReadCatalogue(sup, OTHER, orgStreets)).toBe(false);
    expect(canEditCatalogue(sup, OTHER)).toBe(false);
  });

  it('handler_staff: cannot read the catalogue of a street their organisation does not serve', () => {
    expect(canReadCatalogue(actor('handler_staff', { orgId: 'org-elsewhere' }), STREET, orgStreets)).toBe(false);
  });

  it("finds the home street from an area assignment or the organisation's street", () => {
    expect(homeStreetOf(cases[4]![1], orgStreets)).toBe('s1');
    expect(homeStreetOf(cases[5]![1], orgStreets)).toBe('s1');
    expect(homeStreetOf(actor('system_admin', { areaId: 'd1', areaKind: 'district', districtId: 'd1' }), orgStreets)).toBeNull();
  });
});
