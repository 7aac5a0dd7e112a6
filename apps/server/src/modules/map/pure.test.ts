import { type Role, Role as RoleEnum } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/actor.js';
import { TREE, actorFor } from '../areas/policy-test-kit.js';
import { maskName } from './mask-name.js';
import { canArrangeSite, canReadMap } from './policy.js';
import { placeBuildings } from './site-layout.js';

describe('maskName', () => {
  it('keeps the surname, compound surnames included, and stars the rest', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李秀梅')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧阳*');
    expect(maskName('司马光')).toBe('司马*');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName(' 王五 ')).toBe('王*');
    expect(maskName('')).toBe('*');
    expect(maskName('John Smith')).toBe('John *');
  });
});

describe('placeBuildings', () => {
  it('keeps arranged buildings and fills the rows below them with the others, in order', () => {
    const placed = placeBuildings(
      [
        { id: 'a', mapX: 2, mapY: 1 },
        { id: 'b', mapX: null, mapY: null },
        { id: 'c', mapX: 0, mapY: 0 },
        { id: 'd', mapX: 4, mapY: null },
        { id: 'e', mapX: null, mapY: null },
      ],
      2,
    );
    expect(placed.map((p) => `${p.id}@${p.mapX},${p.mapY}${p.positioned ? '' : '*'}`)).toEqual([
      'a@2,1',
      'b@0,2*',
      'c@0,0',
      'd@1,2*',
      'e@0,3*',
    ]);
  });

  it('starts at the top left when nothing is arranged', () => {
    const lone: { mapX: number | null; mapY: number | null }[] = [{ mapX: null, mapY: null }];
    expect(placeBuildings(lone).map((p) => [p.mapX, p.mapY])).toEqual([[0, 0]]);
  });
});

const { communityA, communityB, compoundA, gridA, buildingA } = TREE;
const READERS: Role[] = ['system_admin', 'street_supervisor', 'community_admin', 'community_staff'];

/** Each action with the roles that may do it; every other role must not. */
const TABLE: [action: string, check: (actor: Actor) => boolean, allowed: Role[]][] = [
  ['read the map of a building of their grid', (a) => canReadMap(a, buildingA), [...READERS, 'grid_worker', 'building_leader']],
  ['read the site map of their grid', (a) => canReadMap(a, gridA), [...READERS, 'grid_worker']],
  ['read the site map of the compound', (a) => canReadMap(a, compoundA), READERS],
  ['read the site map of another community', (a) => canReadMap(a, communityB), ['system_admin', 'street_supervisor']],
  ['arrange the community site', (a) => canArrangeSite(a, communityA), ['system_admin', 'street_supervisor', 'community_admin']],
  ['arrange another community', (a) => canArrangeSite(a, communityB), ['system_admin', 'street_supervisor']],
  ['arrange a single building', (a) => canArrangeSite(a, buildingA), []],
];

describe('map policy', () => {
  for (const [action, check, allowed] of TABLE) {
    for (const role of RoleEnum.options) {
      const ok = allowed.includes(role);
      it(`${role}: ${ok ? 'can' : 'cannot'} ${action}`, () => {
        expect(check(actorFor(role))).toBe(ok);
      });
    }
  }
});
