import { describe, expect, it } from 'vitest';
import { type OwnerTally, consents, optionPasses, ownerWinner, ruleOf, twoThirds } from './owners-rule.js';

/** 9 owners of 900.00 m² (one 100 m² flat each) with the given participation and votes for `yes`. */
function tally(voted: { areaCm: number; owners: number }, yes: { areaCm: number; owners: number }): OwnerTally {
  const no = { areaCm: voted.areaCm - yes.areaCm, owners: voted.owners - yes.owners };
  return {
    total: { areaCm: 90_000, owners: 9, flats: 9 },
    voted: { ...voted, flats: voted.owners },
    options: [
      { key: 'yes', ...yes },
      { key: 'no', ...no },
    ],
  };
}

describe("owners' thresholds (Civil Code art. 278)", () => {
  it('participation: exactly 2/3 reaches it, one hundredth of a m² or one owner less does not, an empty base never', () => {
    expect(twoThirds(60_000, 90_000)).toBe(true);
    expect(twoThirds(59_999, 90_000)).toBe(false);
    expect(twoThirds(6, 9)).toBe(true);
    expect(twoThirds(5, 9)).toBe(false);
    expect(twoThirds(2, 3)).toBe(true);
    expect(twoThirds(0, 0)).toBe(false);
  });

  it('consent: more than half is needed, exactly half is not enough', () => {
    expect(consents(3, 6, 'majority')).toBe(false);
    expect(consents(4, 6, 'majority')).toBe(true);
    expect(consents(30_001, 60_000, 'majority')).toBe(true);
    expect(consents(30_000, 60_000, 'majority')).toBe(false);
    expect(consents(0, 0, 'majority')).toBe(false);
  });

  it('consent for raising funds, rebuilding and common parts: at least 3/4, exactly 3/4 suffices', () => {
    expect(ruleOf('maintenance_fund_raise')).toBe('three_quarters');
    expect(ruleOf('rebuilding')).toBe('three_quarters');
    expect(ruleOf('common_parts')).toBe('three_quarters');
    expect(ruleOf('property_selection')).toBe('majority');
    expect(ruleOf('maintenance_fund')).toBe('majority');
    expect(ruleOf('owners_committee')).toBe('majority');
    expect(consents(45_000, 60_000, 'three_quarters')).toBe(true);
    expect(consents(44_999, 60_000, 'three_quarters')).toBe(false);
    expect(consents(3, 4, 'three_quarters')).toBe(true);
    expect(consents(5, 7, 'three_quarters')).toBe(false);
  });

  it('a result needs both participation measures and both consent measures', () => {
    // 6 of 9 owners with exactly 2/3 of the area; 4 of 6 owners and 4/6 of the area say yes
    const carried = tally({ areaCm: 60_000, owners: 6 }, { areaCm: 40_000, owners: 4 });
    expect(ownerWinner(carried, 'majority')).toBe('yes');
    // the same vote on a 3/4 topic: 2/3 consent is short of 3/4
    expect(ownerWinner(carried, 'three_quarters')).toBeNull();
    // participation one hundredth of a m² short of 2/3 of the area: nothing decided
    const short = tally({ areaCm: 59_999, owners: 6 }, { areaCm: 40_000, owners: 4 });
    expect(ownerWinner(short, 'majority')).toBeNull();
    // enough area but only 5 of 9 owners (large flats): nothing decided
    const fewOwners = tally({ areaCm: 70_000, owners: 5 }, { areaCm: 50_000, owners: 4 });
    expect(ownerWinner(fewOwners, 'majority')).toBeNull();
    // half the participating owners (3 of 6) though most of the area: not carried
    const halfOwners = tally({ areaCm: 60_000, owners: 6 }, { areaCm: 40_000, owners: 3 });
    expect(optionPasses(halfOwners, halfOwners.options[0]!, 'majority')).toBe(false);
    expect(ownerWinner(halfOwners, 'majority')).toBeNull();
  });
});
