import { describe, expect, it } from 'vitest';
import { idCheckChar, isValidIdNumber, maskIdNumber, maskPhone, parseIdNumber, upgradeLegacyId } from './id-card.js';

const withCheck = (first17: string) => first17 + idCheckChar(first17);

describe('GB 11643 check character', () => {
  it('computes the published example, whose check character is X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('computes digit check characters', () => {
    expect(idCheckChar('32100320000229123')).toBe('7');
    expect(idCheckChar('13050319670401001')).toBe('6');
  });

  it('accepts a lower-case x and normalises it', () => {
    expect(parseIdNumber(' 11010519491231002x ')).toEqual({ id: '11010519491231002X', birthDate: '1949-12-31', sex: 2 });
  });

  it('rejects a wrong check character', () => {
    expect(parseIdNumber('110105194912310021')).toEqual({ problem: 'checksum' });
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });

  it('rejects malformed input', () => {
    for (const raw of ['', '12345', '11010519491231002Y', '1101051949123100X2', '１１０１０５１９４９１２３１００２Ｘ']) {
      expect(parseIdNumber(raw)).toEqual({ problem: 'format' });
    }
  });
});

describe('parseIdNumber', () => {
  it('reads birth date and sex from the sequence (odd = male)', () => {
    expect(parseIdNumber('321003200002291237')).toEqual({ id: '321003200002291237', birthDate: '2000-02-29', sex: 1 });
  });

  it('upgrades a legacy 15-digit ID to 18 characters', () => {
    expect(upgradeLegacyId('130503670401001')).toBe('130503196704010016');
    expect(parseIdNumber('130503670401001')).toEqual({ id: '130503196704010016', birthDate: '1967-04-01', sex: 1 });
  });

  it('rejects impossible dates', () => {
    for (const body of ['32100319990230123', '32100319990231123', '32100319991301123', '32100319990001123', '32100319010229123']) {
      expect(parseIdNumber(withCheck(body))).toEqual({ problem: 'birthDate' });
    }
    expect(parseIdNumber('130503670230001')).toEqual({ problem: 'birthDate' });
  });

  it('rejects birth dates in the future and before 1890', () => {
    const today = new Date(Date.UTC(2024, 5, 1));
    expect(parseIdNumber(withCheck('32100320240602123'), today)).toEqual({ problem: 'birthDate' });
    expect(parseIdNumber(withCheck('32100320240601123'), today)).toMatchObject({ birthDate: '2024-06-01' });
    expect(parseIdNumber(withCheck('32100318891231123'), today)).toEqual({ problem: 'birthDate' });
  });
});

describe('masking', () => {
  it('masks an ID number as 6 + 8 stars + 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('130503670401001')).toBe('130503*****1001');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('masks a phone as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('*****');
  });
});
