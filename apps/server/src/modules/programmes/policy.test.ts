import type { AreaKind, Role } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { type Assignment, buildActor } from '../../core/actor.js';
import { canEnrolResident, canOrderForResident, programmeAbilities } from './policy.js';

const IDS = { district: 'd1', street: 's1', community: 'c1', otherCommunity: 'c2', grid: 'g1', otherGrid: 'g2', building: 'b1' };

function actorOf(role: Role, kind: AreaKind, areaId: string) {
  const inCommunity = kind === 'community' || kind === 'grid' || kind === 'building';
  const a: Assignment = {
    role,
    areaId,
    areaKind: kind,
    orgId: null,
    districtId: IDS.district,
    streetId: kind === 'district' ? null : IDS.street,
    communityId: kind === 'community' ? areaId : inCommunity ? IDS.community : null,
    compoundId: null,
    gridId: kind === 'grid' ? areaId : kind === 'building' ? IDS.grid : null,
    buildingId: kind === 'building' ? areaId : null,
  };
  return buildActor({ userId: `u-${role}`, username: role, displayName: role, locale: 'zh-CN', residentId: null, assignments: [a] });
}

const programme = { districtId: IDS.district, streetId: IDS.street, communityId: IDS.community };
const resident = (gridId: string | null, communityId = IDS.community) => ({
  districtId: IDS.district,
  streetId: IDS.street,
  communityId,
  gridId,
  buildingId: gridId === IDS.grid ? IDS.building : null,
});

describe('programme policy: role × action', () => {
  // name, actor, edits the programme, enrols a resident of grid g1, of grid g2, orders for a resident of g1
  const cases: [string, ReturnType<typeof actorOf>, boolean, boolean, boolean, boolean][] = [
    ['community_staff of the community', actorOf('community_staff', 'community', IDS.community), true, true, true, true],
    ['community_admin of another community', actorOf('community_admin', 'community', IDS.otherCommunity), false, false, false, false],
    ['street_supervisor of the street', actorOf('street_supervisor', 'street', IDS.street), true, true, true, true],
    ['grid_worker of grid g1', actorOf('grid_worker', 'grid', IDS.grid), false, true, false, true],
    ['grid_worker of grid g2', actorOf('grid_worker', 'grid', IDS.otherGrid), false, false, true, false],
    ['building_leader in grid g1', actorOf('building_leader', 'building', IDS.building), false, false, false, true],
    ['evaluator of the district', actorOf('evaluator', 'district', IDS.district), false, false, false, false],
    ['party_organiser of the community', actorOf('party_organiser', 'community', IDS.community), false, false, false, false],
  ];
  it.each(cases)('%s', (_name, actor, edits, enrolsG1, enrolsG2, ordersG1) => {
    expect(programmeAbilities(actor, programme).canEdit).toBe(edits);
    expect(canEnrolResident(actor, programme, resident(IDS.grid))).toBe(enrolsG1);
    expect(canEnrolResident(actor, programme, resident(IDS.otherGrid))).toBe(enrolsG2);
    expect(canOrderForResident(actor, resident(IDS.grid))).toBe(ordersG1);
  });

  it('grid_worker: cannot enrol a resident of their grid into another community’s programme, nor one without a grid', () => {
    const worker = actorOf('grid_worker', 'grid', IDS.grid);
    expect(canEnrolResident(worker, { ...programme, communityId: IDS.otherCommunity }, resident(IDS.grid))).toBe(false);
    expect(canEnrolResident(worker, programme, resident(null))).toBe(false);
  });

  it('grid_worker: reads a programme but sees no button to run it', () => {
    expect(programmeAbilities(actorOf('grid_worker', 'grid', IDS.grid), programme)).toEqual({
      canEnrol: false,
      canRecordSession: false,
      canEdit: false,
    });
  });
});
