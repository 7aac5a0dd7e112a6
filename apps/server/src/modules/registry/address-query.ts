/** An address search: building-unit-flat numbers (each optional), with any text before them (a compound's name). */
export type AddressQuery =
  { kind: 'numbers'; prefix: string | null; building: string; unit: number | null; flat: string | null } | { kind: 'text'; text: string };

const MARKERS: [RegExp, 'building' | 'unit' | 'flat'][] = [
  [/^(?:幢|栋|号楼|座|楼|#)/, 'building'],
  [/^单元/, 'unit'],
  [/^(?:室|户|号)/, 'flat'],
];

const stripZeros = (s: string) => s.replace(/^0+(?=\d)/, '');

/**
 * Reads "12-1-803", "12幢1单元803室", "绿扬新苑东区 3-2-501", "12-803" (a 3+ digit second part is a flat),
 * "12-1" or "12"; anything else is text to look for in building and compound names.
 */
export function parseAddressQuery(raw: string): AddressQuery | null {
  const s = raw.normalize('NFKC').trim();
  if (!s) return null;
  const m = /^(.*?)\s*(\d[\s\S]*)$/.exec(s);
  const prefix = m?.[1]?.trim() || null;
  if (!m || (prefix && /\d/.test(prefix))) return { kind: 'text', text: s };
  let rest = m[2]!;
  const parts: { value: string; role: 'building' | 'unit' | 'flat' | null }[] = [];
  while (rest.length > 0) {
    const num = /^([0-9]+[A-Za-z]?)\s*/.exec(rest);
    if (!num) return { kind: 'text', text: s };
    rest = rest.slice(num[0].length);
    const marker = MARKERS.find(([re]) => re.test(rest));
    if (marker) rest = rest.replace(marker[0], '').trimStart();
    parts.push({ value: num[1]!, role: marker?.[1] ?? null });
    const sep = /^[-/_—－\s]+/.exec(rest);
    if (sep) rest = rest.slice(sep[0].length);
    else if (rest.length > 0 && !/^\d/.test(rest)) return { kind: 'text', text: s };
  }
  if (parts.length > 3) return { kind: 'text', text: s };
  const roles: ('building' | 'unit' | 'flat')[] =
    parts.length === 3
      ? ['building', 'unit', 'flat']
      : parts.length === 2
        ? ['building', parts[1]!.role === 'flat' || parts[1]!.value.length >= 3 ? 'flat' : 'unit']
        : ['building'];
  const found: Partial<Record<'building' | 'unit' | 'flat', string>> = {};
  if (parts.length === 1) found.building = parts[0]!.value;
  else
    parts.forEach((p, i) => {
      found[p.role ?? roles[i]!] = p.value;
    });
  if (!found.building || (found.unit && !/^\d+$/.test(found.unit))) return { kind: 'text', text: s };
  return {
    kind: 'numbers',
    prefix,
    building: stripZeros(found.building),
    unit: found.unit ? Number(found.unit) : null,
    flat: found.flat ?? null,
  };
}
