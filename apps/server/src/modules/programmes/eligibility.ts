/** What a programme asks of a beneficiary: an age range and, when it names any, one of its care tags. */
export type Eligibility = { minAge: number | null; maxAge: number | null; eligibleTags: readonly string[] };
export type Candidate = { age: number | null; tags: readonly string[]; householdTags: readonly string[] };

/** True when the candidate meets the age range (an unknown age fails a range) and carries a named tag on them or their household. */
export function isEligible(p: Eligibility, c: Candidate): boolean {
  if (p.minAge !== null && (c.age === null || c.age < p.minAge)) return false;
  if (p.maxAge !== null && (c.age === null || c.age > p.maxAge)) return false;
  if (p.eligibleTags.length === 0) return true;
  return p.eligibleTags.some((t) => c.tags.includes(t) || c.householdTags.includes(t));
}
