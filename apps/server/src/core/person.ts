import type * as PinyinPro from 'pinyin-pro';
import { lazyRequire } from './lazy-require.js';

const pinyinPro = lazyRequire<typeof PinyinPro>('pinyin-pro');

/** The parts of an address a one-line text is made of. */
export type AddressParts = {
  communityName: string;
  compoundName: string | null;
  buildingName: string | null;
  unitNo: number | null;
  flatNo: string | null;
};

/** One line for a flat: compound (or community), building, unit and flat, as residents write it. */
export function addressText(a: AddressParts): string {
  const parts = [a.compoundName ?? a.communityName, a.buildingName, a.unitNo !== null ? `${a.unitNo}单元` : null, a.flatNo];
  return parts.filter(Boolean).join(' ');
}

/** Pinyin initials of a name, lower case (张三 → zs, 单雄信 → sxx); other letters are kept. */
export function nameInitials(name: string): string {
  return pinyinPro()
    .pinyin(name, { pattern: 'first', toneType: 'none', separator: '', surname: 'head' })
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
