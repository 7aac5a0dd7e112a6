import { Locale, OrderOutcome, OrderRating } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { translate } from '../../app/i18n/translate';
import { RESIDENT_OUTCOME_WORDS, RESIDENT_RATING_WORDS, residentDetails } from './resident-details';

/** Office terms a resident should never read (the staff timeline says 结案结果：非职责范围, 延期 …). */
const JARGON = /结案|非职责|重复工单|延期|派单|处置|_/;

describe('resident words for the details of a step', () => {
  it('say every outcome and rating in plain zh and en, never the staff label', () => {
    for (const locale of Locale.options) {
      for (const o of OrderOutcome.options) {
        expect(RESIDENT_OUTCOME_WORDS[o][locale], `${o} ${locale}`).toBeTruthy();
        expect(RESIDENT_OUTCOME_WORDS[o][locale]).not.toBe(translate(locale, `orders.outcome.${o}`));
      }
      for (const r of OrderRating.options) expect(RESIDENT_RATING_WORDS[r][locale]).toBeTruthy();
    }
    for (const o of OrderOutcome.options) expect(RESIDENT_OUTCOME_WORDS[o]['zh-CN']).not.toMatch(JARGON);
  });

  it('tell the closing step by what it means for the resident', () => {
    expect(residentDetails({ kind: 'close', details: { outcome: 'not_responsible' } }, 'zh-CN')).toBe(
      '这件事不归社区管，工作人员会告诉您该找哪里',
    );
    expect(residentDetails({ kind: 'close', details: { outcome: 'resolved' } }, 'en')).toBe('Your matter is solved');
  });

  it("repeat the resident's own rating and reasons, and the hours a team asked for", () => {
    expect(residentDetails({ kind: 'confirm', details: { rating: 'unsatisfied', reasons: ['太慢', '态度差'] } }, 'zh-CN')).toBe(
      '您的评价：不满意 · 太慢、态度差',
    );
    const extension = residentDetails({ kind: 'request_extension', details: { hours: 24 } }, 'zh-CN');
    expect(extension).toBe('预计还需要 24 小时');
    expect(extension).not.toMatch(JARGON);
  });

  it('say nothing for a step without details, or with details it does not know', () => {
    expect(residentDetails({ kind: 'accept', details: {} }, 'zh-CN')).toBeNull();
    expect(residentDetails({ kind: 'close', details: { outcome: 'lost' } }, 'en')).toBeNull();
  });
});
