import { describe, expect, it } from 'vitest';
import { buildActor } from '../../core/actor.js';
import { TREE, actorFor } from '../areas/policy-test-kit.js';
import { soleArea } from './sole-area.js';

const withAssignments = (...actors: ReturnType<typeof actorFor>[]) =>
  buildActor({ ...actors[0]!, assignments: actors.flatMap((a) => a.assignments) });

describe('the one area of a registry reader', () => {
  it('staff holding one area read by that area', () => {
    expect(soleArea(actorFor('community_staff'), 'registry.read')).toEqual({ kind: 'community', id: TREE.communityA.id });
    expect(soleArea(actorFor('street_supervisor'), 'registry.read')).toEqual({ kind: 'street', id: TREE.street.id });
    expect(soleArea(actorFor('grid_worker'), 'registry.read')).toEqual({ kind: 'grid', id: TREE.gridA.id });
  });

  it('two roles on the same area are one area; two areas, a system-wide role or no area are none', () => {
    expect(soleArea(withAssignments(actorFor('community_staff'), actorFor('community_admin')), 'registry.read')).toEqual({
      kind: 'community',
      id: TREE.communityA.id,
    });
    expect(soleArea(withAssignments(actorFor('community_staff'), actorFor('grid_worker')), 'registry.read')).toBeNull();
    expect(soleArea(actorFor('system_admin'), 'registry.read')).toBeNull();
    expect(soleArea(actorFor('handler_staff'), 'registry.read')).toBeNull();
  });

  it('an assignment whose area lacks its own id gives up (the scope filter would fall back to a coarser level)', () => {
    const base = actorFor('community_staff');
    expect(soleArea(buildActor({ ...base, assignments: [{ ...base.assignments[0]!, communityId: null }] }), 'registry.read')).toBeNull();
  });
});
