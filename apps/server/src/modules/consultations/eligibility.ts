import type { VoteEligibility } from '@linli/contracts';

/** The registry tag that marks a resident representative (居民代表). */
export const REPRESENTATIVE_TAG = 'resident_rep';

type Topic = { eligibility: VoteEligibility; areaId: string; communityId: string; closesAt: Date; publishedAt: Date | null };
type Voter = {
  status: string;
  householdStatus: string;
  tags: string[];
  communityId: string;
  compoundId: string | null;
  buildingId: string | null;
  /** owners' votes: how many exclusive parts of the topic's area the voter's household owns */
  ownedParts?: number;
};

/** Open until the closing time and until results are published. */
export function isOpen(c: Pick<Topic, 'closesAt' | 'publishedAt'>, now: Date): boolean {
  return !c.publishedAt && now < c.closesAt;
}

/** Whether the voter's household lies where the topic is put (the residents concerned). */
export function isConcerned(c: Topic, v: Voter): boolean {
  if (c.eligibility === 'compound_households') return v.compoundId === c.areaId;
  if (c.eligibility === 'building_households') return v.buildingId === c.areaId;
  if (c.eligibility === 'owners') return v.compoundId === c.areaId || v.buildingId === c.areaId;
  return v.communityId === c.communityId;
}

export type Ineligibility = 'outside' | 'inactive' | 'not_representative' | 'not_owner';

/** Why this voter may not vote on the topic, or null when they may. */
export function ineligibility(c: Topic, v: Voter): Ineligibility | null {
  // an owner may live elsewhere: owning a part of the area is what counts
  if (c.eligibility === 'owners') return v.status !== 'active' ? 'inactive' : (v.ownedParts ?? 0) > 0 ? null : 'not_owner';
  if (!isConcerned(c, v)) return 'outside';
  if (v.status !== 'active' || v.householdStatus !== 'active') return 'inactive';
  if (c.eligibility === 'representatives' && !v.tags.includes(REPRESENTATIVE_TAG)) return 'not_representative';
  return null;
}
