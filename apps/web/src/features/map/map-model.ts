import { type MapFlatCell, ResidentType, type SiteBuilding } from '@linli/contracts';

/** What the colours of the map show. */
export const LAYERS = ['tags', 'type', 'party', 'occupancy'] as const;
export type Layer = (typeof LAYERS)[number];

export const TYPE_COLORS: Record<ResidentType, string> = {
  registered: '#1677ff',
  floating: '#fa8c16',
  away: '#722ed1',
  overseas: '#13c2c2',
};
export const PARTY_COLOR = '#c8102e';
export const VOLUNTEER_COLOR = '#389e0d';
export const RENTED_COLOR = '#d4b106';
export const OWNER_COLOR = '#4096ff';
export const VACANT_COLOR = '#bfbfbf';
const NEUTRAL = '#ffffff';

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/** The text colour that reads best on a tile's background (#rrggbb): black, or white on dark tints. */
export function inkOn(background: string): '#000000' | '#ffffff' {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return '#000000';
  const bg = luminance(background);
  const onDark = (bg + 0.05) / (luminance('#000000') + 0.05);
  const onWhite = 1.05 / (bg + 0.05);
  return onWhite > onDark ? '#ffffff' : '#000000';
}

/** `hex` mixed with white: share 0 is white, 1 the colour itself. */
export function tint(hex: string, share: number): string {
  const s = Math.min(1, Math.max(0, share));
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  if (hex.length !== 7 || rgb.some(Number.isNaN)) return hex;
  return `#${rgb
    .map((c) =>
      Math.round(255 - (255 - c) * s)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export type Badge = { key: string; color: string; text?: string };
export type Paint = { background: string; accent: string; badges: Badge[] };

/** The resident type most members have (ties: the order of ResidentType), or null for an empty flat. */
export function dominantType(types: MapFlatCell['types']): ResidentType | null {
  let best: ResidentType | null = null;
  for (const t of ResidentType.options) if (types[t] > 0 && (best === null || types[t] > types[best])) best = t;
  return best;
}

export type TagStyle = { order: readonly string[]; colorOf: (code: string) => string };

/** Sorts a flat's tags by the community's tag order, unknown codes last. */
function orderedTags(tags: readonly string[], style: TagStyle): string[] {
  const rank = (code: string) => (style.order.includes(code) ? style.order.indexOf(code) : style.order.length);
  return [...tags].sort((a, b) => rank(a) - rank(b));
}

/** How one flat looks on the chosen layer: a background, an accent (the border) and small badges. */
export function paintCell(cell: MapFlatCell, layer: Layer, tags: TagStyle): Paint {
  if (!cell.householdId) return { background: NEUTRAL, accent: VACANT_COLOR, badges: [] };
  switch (layer) {
    case 'tags': {
      const [first, ...rest] = orderedTags(cell.tags, tags);
      if (!first) return { background: NEUTRAL, accent: '#d9d9d9', badges: [] };
      const color = tags.colorOf(first);
      return {
        background: tint(color, 0.3),
        accent: color,
        badges: [first, ...rest].map((code) => ({ key: code, color: tags.colorOf(code) })),
      };
    }
    case 'type': {
      const main = dominantType(cell.types);
      const color = main ? TYPE_COLORS[main] : VACANT_COLOR;
      const others = ResidentType.options.filter((t) => t !== main && cell.types[t] > 0);
      return { background: tint(color, 0.3), accent: color, badges: others.map((t) => ({ key: t, color: TYPE_COLORS[t] })) };
    }
    case 'party': {
      const badges: Badge[] = [];
      if (cell.partyMembers > 0) badges.push({ key: 'party', color: PARTY_COLOR, text: String(cell.partyMembers) });
      if (cell.volunteers > 0) badges.push({ key: 'volunteer', color: VOLUNTEER_COLOR, text: String(cell.volunteers) });
      const color = cell.partyMembers > 0 ? PARTY_COLOR : cell.volunteers > 0 ? VOLUNTEER_COLOR : null;
      return color ? { background: tint(color, 0.3), accent: color, badges } : { background: NEUTRAL, accent: '#d9d9d9', badges };
    }
    case 'occupancy': {
      const color = cell.tenure === 'rented' ? RENTED_COLOR : OWNER_COLOR;
      return { background: tint(color, 0.3), accent: color, badges: [] };
    }
  }
}

export const FLAT_FILTERS = ['elderlyAlone', 'elderly', 'party', 'volunteer', 'floating', 'rented', 'vacant'] as const;
/** A filter of the building map: a fixed one, or `tag:<code>`. */
export type FlatFilter = (typeof FLAT_FILTERS)[number] | `tag:${string}`;

const TESTS: Record<(typeof FLAT_FILTERS)[number], (c: MapFlatCell) => boolean> = {
  elderlyAlone: (c) => c.tags.includes('elderly_alone'),
  elderly: (c) => c.elderly > 0,
  party: (c) => c.partyMembers > 0,
  volunteer: (c) => c.volunteers > 0,
  floating: (c) => c.types.floating > 0,
  rented: (c) => c.tenure === 'rented',
  vacant: (c) => c.householdId === null,
};

/** True when the flat passes every chosen filter. */
export function matchesFilters(cell: MapFlatCell, filters: readonly FlatFilter[]): boolean {
  return filters.every((f) => (f.startsWith('tag:') ? cell.tags.includes(f.slice(4)) : TESTS[f as keyof typeof TESTS](cell)));
}

export type LegendEntry = { key: string; color: string; count: number };

/** The legend of a layer with how many flats of the building each entry covers. */
export function legendOf(cells: readonly MapFlatCell[], layer: Layer, tags: TagStyle): LegendEntry[] {
  const occupied = cells.filter((c) => c.householdId);
  const vacant = { key: 'vacant', color: VACANT_COLOR, count: cells.length - occupied.length };
  const count = (test: (c: MapFlatCell) => boolean) => occupied.filter(test).length;
  switch (layer) {
    case 'tags': {
      const present = orderedTags([...new Set(occupied.flatMap((c) => c.tags))], tags);
      return present.map((code) => ({ key: code, color: tags.colorOf(code), count: count((c) => c.tags.includes(code)) }));
    }
    case 'type':
      return ResidentType.options.map((t) => ({ key: t, color: TYPE_COLORS[t], count: count((c) => dominantType(c.types) === t) }));
    case 'party':
      return [
        { key: 'party', color: PARTY_COLOR, count: count((c) => c.partyMembers > 0) },
        { key: 'volunteer', color: VOLUNTEER_COLOR, count: count((c) => c.volunteers > 0) },
      ];
    case 'occupancy':
      return [
        { key: 'owner', color: OWNER_COLOR, count: count((c) => c.tenure !== 'rented') },
        { key: 'rented', color: RENTED_COLOR, count: count((c) => c.tenure === 'rented') },
        vacant,
      ];
  }
}

/** A building's value on a site-map layer (for the tags layer: households with `tag`, or with any tag counted per tag). */
export function tileValue(b: SiteBuilding, layer: Layer, tag: string | null): number {
  const { counts } = b;
  const share = (n: number, of: number) => (of > 0 ? n / of : 0);
  switch (layer) {
    case 'tags':
      return share(tag ? (b.tagCounts[tag] ?? 0) : Object.values(b.tagCounts).reduce((s, n) => s + n, 0), counts.households);
    case 'type':
      return share(counts.floating, counts.residents);
    case 'party':
      return share(counts.partyMembers + counts.volunteers, counts.households);
    case 'occupancy':
      return share(counts.vacant + counts.rented, counts.flats);
  }
}

/** The colour of a layer on the site map (a chosen tag's own colour on the tags layer). */
export function layerColor(layer: Layer, tagColor: string | null): string {
  return { tags: tagColor ?? '#cf1322', type: TYPE_COLORS.floating, party: PARTY_COLOR, occupancy: RENTED_COLOR }[layer];
}
