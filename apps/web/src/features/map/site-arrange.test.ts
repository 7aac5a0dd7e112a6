import type { SiteBuilding } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { buildingLabels, compoundShortNames, positionsOf, siteBlocks } from './site-arrange';

const EAST = { compoundId: '00000000-0000-4000-8000-00000000000e', compoundName: '绿扬新苑东区' };
const WEST = { compoundId: '00000000-0000-4000-8000-00000000000f', compoundName: '绿扬新苑西区' };
const NONE = { compoundId: null, compoundName: null };
const ZERO = { flats: 0, households: 0, residents: 0, vacant: 0, rented: 0, floating: 0, partyMembers: 0, volunteers: 0, elderly: 0 };

/** A building of a compound at (x, y): only what the arrangement reads matters here. */
const at = (id: string, name: string, compound: typeof EAST | typeof NONE, mapX: number, mapY: number): SiteBuilding => ({
  ...compound,
  id,
  code: id,
  name,
  gridId: null,
  gridName: null,
  mapX,
  mapY,
  positioned: true,
  units: 1,
  floors: 1,
  counts: ZERO,
  tagCounts: {},
});

// Like the demo: the west compound stands right of the east one (columns 9…), both number their buildings from 1幢.
const site = [at('w1', '1幢', WEST, 9, 0), at('w2', '2幢', WEST, 10, 1), at('e1', '1幢', EAST, 0, 0), at('e3', '3幢', EAST, 2, 0)];

describe('site blocks per compound', () => {
  it('gives each compound its own block, leftmost first, framed around its own buildings only', () => {
    const blocks = siteBlocks(site, positionsOf(site));
    expect(blocks.map((b) => [b.name, b.ids, b.bounds])).toEqual([
      ['绿扬新苑东区', ['e1', 'e3'], { minX: 0, minY: 0, cols: 3, rows: 1 }],
      ['绿扬新苑西区', ['w1', 'w2'], { minX: 9, minY: 0, cols: 2, rows: 2 }],
    ]);
  });

  it('adds spare rows and columns to every block while arranging, and follows moved buildings', () => {
    const moved = new Map(positionsOf(site)).set('e3', { x: 4, y: 2 });
    const [east, west] = siteBlocks(site, moved, 1);
    expect(east!.bounds).toEqual({ minX: 0, minY: 0, cols: 6, rows: 4 });
    expect(west!.bounds).toEqual({ minX: 8, minY: 0, cols: 4, rows: 3 });
  });

  it('puts buildings outside any compound into one unnamed block', () => {
    const loose = [at('x', 'A', NONE, 5, 5), at('y', 'B', NONE, 6, 5)];
    expect(siteBlocks(loose, positionsOf(loose)).map((b) => [b.key, b.name, b.ids])).toEqual([['', null, ['x', 'y']]]);
  });
});

describe('building labels', () => {
  it('tells compounds apart by what their names do not share', () => {
    expect([...compoundShortNames(['绿扬新苑东区', '绿扬新苑西区', '绿扬新苑东区'])]).toEqual([
      ['绿扬新苑东区', '东区'],
      ['绿扬新苑西区', '西区'],
    ]);
    expect([...compoundShortNames(['安平小区'])]).toEqual([['安平小区', '安平小区']]);
  });

  it('qualifies a repeated building number by its compound and leaves unique ones alone', () => {
    const labels = buildingLabels(site);
    expect(Object.fromEntries(labels)).toEqual({ w1: '西区 1幢', w2: '2幢', e1: '东区 1幢', e3: '3幢' });
    expect(new Set(labels.values()).size).toBe(site.length);
  });
});
