import { describe, expect, it } from 'vitest';
import { parseAddressQuery } from './address-query.js';

const numbers = (building: string, unit: number | null, flat: string | null, prefix: string | null = null) => ({
  kind: 'numbers',
  prefix,
  building,
  unit,
  flat,
});

describe('address search parser', () => {
  it.each([
    ['12-1-803', numbers('12', 1, '803')],
    ['12幢1单元803室', numbers('12', 1, '803')],
    ['12栋 1单元 803', numbers('12', 1, '803')],
    ['１２－１－８０３', numbers('12', 1, '803')],
    ['12号楼2单元', numbers('12', 2, null)],
    ['12-1', numbers('12', 1, null)],
    ['12-803', numbers('12', null, '803')],
    ['12幢803室', numbers('12', null, '803')],
    ['012', numbers('12', null, null)],
    ['12号', numbers('12', null, null)],
    ['3-2-501A', numbers('3', 2, '501A')],
    ['绿扬新苑东区 3-2-501', numbers('3', 2, '501', '绿扬新苑东区')],
    ['东区3幢', numbers('3', null, null, '东区')],
  ])('reads %s', (raw, expected) => {
    expect(parseAddressQuery(raw)).toEqual(expected);
  });

  it.each(['绿扬新苑', '1-2-3-4', '12a-b', '2期 3-2-501'])('takes %s as text', (raw) => {
    expect(parseAddressQuery(raw)).toEqual({ kind: 'text', text: raw });
  });

  it('ignores blanks', () => {
    expect(parseAddressQuery('   ')).toBeNull();
  });
});
