import { idCheckChar } from '@linli/contracts';
import type { Rng } from './rng.js';

/** Hanjiang district, Yangzhou (GB/T 2260): the prefix of registered residents' ID numbers. */
export const LOCAL_AREA_CODE = '321003';

/** County codes of other provinces, where the floating population comes from (Anhui, Henan, Shandong, Sichuan …). */
export const ORIGIN_AREA_CODES: readonly string[] = [
  '340123',
  '341221',
  '341222',
  '341623',
  '341721',
  '340421',
  '411621',
  '411625',
  '411628',
  '410523',
  '371321',
  '370321',
  '510722',
  '511621',
  '500229',
  '500236',
  '430522',
  '420921',
  '130423',
  '520521',
  '362430',
  '450521',
  '610323',
  '620522',
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * A GB 11643 ID number for the given area, birth date ('YYYY-MM-DD') and sex (odd sequence = male),
 * unique among `used`.
 */
export function makeIdNumber(rng: Rng, area: string, birthDate: string, sex: 1 | 2, used: Set<string>): string {
  const stem = area + birthDate.replaceAll('-', '');
  for (;;) {
    const parity = sex === 1 ? rng.int(0, 4) * 2 + 1 : rng.int(0, 4) * 2;
    const body = stem + pad(rng.int(0, 99), 2) + parity;
    const id = body + idCheckChar(body);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

const MOBILE_PREFIXES = '130 131 132 133 135 136 137 138 139 150 151 152 155 157 158 159 166 177 180 181 182 183 186 187 188 189 199'.split(
  ' ',
);

/** A unique mainland mobile number, 1[3-9]x + 8 digits. */
export function makeMobile(rng: Rng, used: Set<string>): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

/** A Yangzhou landline (0514) for an organisation's front desk. */
export function makeLandline(rng: Rng): string {
  return `0514-8${pad(rng.int(0, 9_999_999), 7)}`;
}

/** A birth date `age` full years before `now`, as 'YYYY-MM-DD' (always before `now`). */
export function birthDateForAge(rng: Rng, age: number, now: Date): string {
  const anchor = Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate());
  return new Date(anchor - rng.int(1, 364) * 86_400_000).toISOString().slice(0, 10);
}
