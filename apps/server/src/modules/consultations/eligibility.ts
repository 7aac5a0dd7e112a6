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
};

/** Open until the closing time and until results are published. */
export function isOpen(c: Pick<Topic, 'closesAt' | 'publishedAt'>, now: Date): boolean {
  return !c.publishedAt && now < c.closesAt;
}

/** Whether the voter's household lies where the topic is put (the residents concerned). */
export function isConcerned(c: Topic, v: Voter): boolean {
  if (c.eligibility === 'compound_households') return v.compoundId === c.areaId;
  if (c.eligibility === 'building_households') return v.buildingId === c.areaId;
  return v.communityId === c.communityId;
}

export type Ineligibility = 'outside' | 'inactive' | 'not_representative';

/** Why this voter may not vote on the topic, or null when they may. */
export function ineligibility(c: Topic, v: Voter): Ineligibility | null {
  if (!isConcerned(c, v)) return 'outside';
  if (v.status !== 'active' || v.householdStatus !== 'active') return 'inactive';
  if (c.eligibility === 'representatives' && !v.tags.includes(REPRESENTATIVE_TAG)) return 'not_representative';
  return null;
}
