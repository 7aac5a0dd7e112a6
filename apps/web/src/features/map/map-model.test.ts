import type { MapFlatCell, SiteBuilding } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { dominantType, inkOn, legendOf, matchesFilters, paintCell, tileValue, tint } from './map-model';
import { moveBuilding, positionsOf, positionsToSave, siteBounds } from './site-arrange';

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function cell(over: Partial<MapFlatCell> = {}): MapFlatCell {
  return {
    flatId: uuid(),
    unitNo: 1,
    floorNo: 1,
    position: 1,
    flatNo: '101',
    householdId: uuid(),
    householdCount: 1,
    tenure: 'owner',
    memberCount: 2,
    tags: [],
    types: { registered: 2, floating: 0, away: 0, overseas: 0 },
    partyMembers: 0,
    volunteers: 0,
    elderly: 0,
    headName: '张*',
    ...over,
  };
}
const vacant = () =>
  cell({
    householdId: null,
    householdCount: 0,
    tenure: null,
    memberCount: 0,
    headName: null,
    types: { registered: 0, floating: 0, away: 0, overseas: 0 },
  });
const TAGS = {
  order: ['elderly_alone', 'disabled', 'low_income'],
  colorOf: (c: string) => ({ elderly_alone: '#ff0000', disabled: '#0000ff' })[c] ?? '#888888',
};

describe('tint', () => {
  it('mixes a colour with white', () => {
    expect(tint('#ff0000', 0)).toBe('#ffffff');
    expect(tint('#ff0000', 1)).toBe('#ff0000');
    expect(tint('#000000', 0.5)).toBe('#808080');
    expect(tint('red', 0.5)).toBe('red');
  });
});

describe('inkOn', () => {
  it('writes white on the dark tints of a busy tile and black on lighter ones (whichever reads better)', () => {
    expect(inkOn('#cf1322')).toBe('#ffffff');
    expect(inkOn(tint('#cf1322', 0.8))).toBe('#000000');
    expect(inkOn(tint('#cf1322', 0.08))).toBe('#000000');
    expect(inkOn('#ffffff')).toBe('#000000');
    expect(inkOn('not a colour')).toBe('#000000');
  });
});

describe('paintCell', () => {
  it('colours a flat by its first tag in the community order and badges every tag', () => {
    const p = paintCell(cell({ tags: ['low_income', 'elderly_alone'] }), 'tags', TAGS);
    expect(p.accent).toBe('#ff0000');
    expect(p.badges.map((b) => b.key)).toEqual(['elderly_alone', 'low_income']);
  });

  it('colours by the type most members have and badges the others', () => {
    const p = paintCell(cell({ types: { registered: 1, floating: 2, away: 0, overseas: 1 } }), 'type', TAGS);
    expect(p.accent).toBe('#fa8c16');
    expect(p.badges.map((b) => b.key)).toEqual(['registered', 'overseas']);
  });

  it('shows party members before volunteers, with their counts', () => {
    const p = paintCell(cell({ partyMembers: 2, volunteers: 1 }), 'party', TAGS);
    expect(p.badges).toEqual([
      { key: 'party', color: '#c8102e', text: '2' },
      { key: 'volunteer', color: '#389e0d', text: '1' },
    ]);
    expect(paintCell(cell({ volunteers: 1 }), 'party', TAGS).accent).toBe('#389e0d');
  });

  it('tells rented from owner-occupied, and leaves vacant flats blank on every layer', () => {
    expect(paintCell(cell({ tenure: 'rented' }), 'occupancy', TAGS).accent).not.toBe(paintCell(cell(), 'occupancy', TAGS).accent);
    for (const layer of ['tags', 'type', 'party', 'occupancy'] as const)
      expect(paintCell(vacant(), layer, TAGS).background).toBe('#ffffff');
  });
});

describe('dominantType', () => {
  it('prefers the larger count, then the enum order', () => {
    expect(dominantType({ registered: 1, floating: 1, away: 0, overseas: 0 })).toBe('registered');
    expect(dominantType({ registered: 0, floating: 0, away: 0, overseas: 0 })).toBeNull();
  });
});

describe('filters and legend', () => {
  const cells = [
    cell({ tags: ['elderly_alone'], elderly: 1, memberCount: 1 }),
    cell({ tenure: 'rented', types: { registered: 0, floating: 3, away: 0, overseas: 0 }, partyMembers: 1 }),
    vacant(),
  ];

  it('keeps only flats passing every filter', () => {
    expect(cells.filter((c) => matchesFilters(c, ['elderlyAlone']))).toEqual([cells[0]]);
    expect(cells.filter((c) => matchesFilters(c, ['rented', 'party']))).toEqual([cells[1]]);
    expect(cells.filter((c) => matchesFilters(c, ['vacant']))).toEqual([cells[2]]);
    expect(cells.filter((c) => matchesFilters(c, ['tag:elderly_alone', 'elderly']))).toEqual([cells[0]]);
    expect(cells.filter((c) => matchesFilters(c, []))).toHaveLength(3);
  });

  it('counts the flats behind each legend entry', () => {
    expect(legendOf(cells, 'tags', TAGS)).toEqual([{ key: 'elderly_alone', color: '#ff0000', count: 1 }]);
    expect(legendOf(cells, 'occupancy', TAGS).map((e) => [e.key, e.count])).toEqual([
      ['owner', 1],
      ['rented', 1],
      ['vacant', 1],
    ]);
    expect(legendOf(cells, 'type', TAGS).map((e) => e.count)).toEqual([1, 1, 0, 0]);
  });
});

function building(id: string, mapX: number, mapY: number, positioned = true): SiteBuilding {
  const counts = { flats: 10, households: 8, residents: 20, vacant: 2, rented: 3, floating: 5, partyMembers: 1, volunteers: 1, elderly: 4 };
  return {
    id,
    code: id,
    name: id,
    compoundId: null,
    compoundName: null,
    gridId: null,
    gridName: null,
    mapX,
    mapY,
    positioned,
    units: 1,
    floors: 6,
    counts,
    tagCounts: { disabled: 2 },
  };
}

describe('site arrangement', () => {
  const site = [building('a', 3, 1), building('b', 4, 1), building('c', 0, 3, false)];

  it('frames the occupied cells, with spare room while arranging', () => {
    expect(siteBounds(positionsOf(site))).toEqual({ minX: 0, minY: 1, cols: 5, rows: 3 });
    expect(siteBounds(positionsOf(site), 1)).toEqual({ minX: 0, minY: 0, cols: 6, rows: 5 });
  });

  it('moves a building to an empty cell, or swaps it with the one standing there', () => {
    const moved = moveBuilding(positionsOf(site), 'a', { x: 9, y: 9 });
    expect(moved.get('a')).toEqual({ x: 9, y: 9 });
    const swapped = moveBuilding(positionsOf(site), 'a', { x: 4, y: 1 });
    expect([swapped.get('a'), swapped.get('b')]).toEqual([
      { x: 4, y: 1 },
      { x: 3, y: 1 },
    ]);
  });

  it('saves moved buildings and the ones placed automatically', () => {
    const moved = moveBuilding(positionsOf(site), 'a', { x: 9, y: 9 });
    expect(positionsToSave(site, moved)).toEqual([
      { buildingId: 'a', mapX: 9, mapY: 9 },
      { buildingId: 'c', mapX: 0, mapY: 3 },
    ]);
  });

  it('values a building on each layer as a share', () => {
    const b = site[0]!;
    expect(tileValue(b, 'tags', 'disabled')).toBe(2 / 8);
    expect(tileValue(b, 'type', null)).toBe(5 / 20);
    expect(tileValue(b, 'occupancy', null)).toBe(5 / 10);
  });
});
