import { type OwnerVoteDto, THREE_QUARTER_KINDS, type VoteTopicKind } from '@linli/contracts';

/**
 * Civil Code art. 278, in exact integer arithmetic (areas in 0.01 m², never floats): owners holding ≥ 2/3 of the
 * exclusive area and ≥ 2/3 of the owners take part; a proposal then needs more than half of the participating area
 * and of the participating owners, or ≥ 3/4 of both for raising maintenance funds, rebuilding and changing common parts.
 */
export type OwnerMeasure = { areaCm: number; owners: number };
export type OwnerOption = OwnerMeasure & { key: string };
export type OwnerTally = {
  total: OwnerMeasure & { flats: number };
  voted: OwnerMeasure & { flats: number };
  options: OwnerOption[];
};
export type OwnerRule = OwnerVoteDto['rule'];

export function ruleOf(kind: string): OwnerRule {
  return THREE_QUARTER_KINDS.includes(kind as VoteTopicKind) ? 'three_quarters' : 'majority';
}

/** At least two thirds of `total` (an empty base never reaches it). */
export const twoThirds = (part: number, total: number): boolean => total > 0 && 3 * part >= 2 * total;

/** Consent of `part` out of the participating `of`: more than half, or at least three quarters. */
export function consents(part: number, of: number, rule: OwnerRule): boolean {
  if (of <= 0) return false;
  return rule === 'three_quarters' ? 4 * part >= 3 * of : 2 * part > of;
}

export function participationOf(t: OwnerTally) {
  return { areaReached: twoThirds(t.voted.areaCm, t.total.areaCm), ownersReached: twoThirds(t.voted.owners, t.total.owners) };
}

/** Whether an option carries: participation reached in both measures, then consent in both. */
export function optionPasses(t: OwnerTally, o: OwnerMeasure, rule: OwnerRule): boolean {
  const p = participationOf(t);
  return p.areaReached && p.ownersReached && consents(o.areaCm, t.voted.areaCm, rule) && consents(o.owners, t.voted.owners, rule);
}

/** The option decided by the rules, or null (participation short, or no option with the consent needed). */
export function ownerWinner(t: OwnerTally, rule: OwnerRule): string | null {
  return t.options.find((o) => optionPasses(t, o, rule))?.key ?? null;
}

const m2 = (cm: number) => cm / 100;

export function presentOwners(t: OwnerTally, rule: OwnerRule, showOptions: boolean): OwnerVoteDto {
  return {
    total: { area: m2(t.total.areaCm), owners: t.total.owners, flats: t.total.flats },
    voted: { area: m2(t.voted.areaCm), owners: t.voted.owners, flats: t.voted.flats },
    ...participationOf(t),
    rule,
    options: showOptions
      ? t.options.map((o) => ({ key: o.key, area: m2(o.areaCm), owners: o.owners, passes: optionPasses(t, o, rule) }))
      : null,
  };
}
