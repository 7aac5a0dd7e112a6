import { describe, expect, it } from 'vitest';
import { REPRESENTATIVE_TAG, ineligibility, isOpen } from './eligibility.js';

const closesAt = new Date('2026-06-01T00:00:00Z');
const topic = { eligibility: 'compound_households' as const, areaId: 'c1', communityId: 'k1', closesAt, publishedAt: null };
const voter = { status: 'active', householdStatus: 'active', tags: [] as string[], communityId: 'k1', compoundId: 'c1', buildingId: 'b1' };

describe('who may vote', () => {
  it('a household of the compound may; one of another compound, or moved out, may not', () => {
    expect(ineligibility(topic, voter)).toBeNull();
    expect(ineligibility(topic, { ...voter, compoundId: 'c2' })).toBe('outside');
    expect(ineligibility(topic, { ...voter, householdStatus: 'moved_out' })).toBe('inactive');
  });

  it('a building topic counts the building; a representatives topic needs the tag', () => {
    expect(ineligibility({ ...topic, eligibility: 'building_households', areaId: 'b2' }, voter)).toBe('outside');
    const reps = { ...topic, eligibility: 'representatives' as const, areaId: 'k1' };
    expect(ineligibility(reps, voter)).toBe('not_representative');
    expect(ineligibility(reps, { ...voter, tags: [REPRESENTATIVE_TAG] })).toBeNull();
  });

  it('voting is open until the closing time and until results are published', () => {
    expect(isOpen(topic, new Date('2026-05-31T23:59:59Z'))).toBe(true);
    expect(isOpen(topic, closesAt)).toBe(false);
    expect(isOpen({ ...topic, publishedAt: new Date('2026-05-01T00:00:00Z') }, new Date('2026-05-02T00:00:00Z'))).toBe(false);
  });
});
