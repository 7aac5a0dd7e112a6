import { describe, expect, it } from 'vitest';
import { buildActor } from '../../core/actor.js';
import { TREE, actorFor } from '../areas/policy-test-kit.js';
import { nameKeyPrefixes, nameQueryPieces } from './name-keys.js';

const c = (id: string) => `c${id.slice(0, 8)}`;

describe('name search keys', () => {
  it('a name is found by its single character, or by every pair of neighbouring characters', () => {
    expect(nameQueryPieces('王')).toEqual(['王']);
    expect(nameQueryPieces('王伟')).toEqual(['王伟']);
    expect(nameQueryPieces('张三丰')).toEqual(['张三', '三丰']);
    expect(nameQueryPieces('哈哈哈')).toEqual(['哈哈']);
    expect(nameQueryPieces('𠀋一')).toEqual(['𠀋一']);
  });

  it('community, grid and building users search under their community; street users under their street; district-wide users without a prefix', () => {
    expect(nameKeyPrefixes(actorFor('community_staff'), 'registry.read')).toEqual([c(TREE.communityA.id)]);
    expect(nameKeyPrefixes(actorFor('grid_worker'), 'registry.read')).toEqual([c(TREE.communityA.id)]);
    expect(nameKeyPrefixes(actorFor('building_leader'), 'registry.read')).toEqual([c(TREE.communityA.id)]);
    expect(nameKeyPrefixes(actorFor('street_supervisor'), 'registry.read')).toEqual([`s${TREE.street.id.slice(0, 8)}`]);
    expect(nameKeyPrefixes(actorFor('system_admin'), 'registry.read')).toEqual(['']);
  });

  it('roles without the ability add no prefix; an assignment whose area lacks the ids gives up the keys', () => {
    expect(nameKeyPrefixes(actorFor('handler_staff'), 'registry.read')).toEqual([]);
    const base = actorFor('community_staff');
    const broken = buildActor({ ...base, assignments: [{ ...base.assignments[0]!, communityId: null }] });
    expect(nameKeyPrefixes(broken, 'registry.read')).toBeNull();
  });
});
