import { describe, expect, it } from 'vitest';
import { countPlannedFlats, flatGrid, flatsToPlan, floorLabel, floorsBetween, planToInput } from './layout-model';

const flat = (unitNo: number, floorNo: number, i: number) => ({
  unitNo,
  floorNo,
  flatNo: `${floorNo < 0 ? `B${-floorNo}` : floorNo}${String(i).padStart(2, '0')}`,
});

describe('floor plan model', () => {
  it('skips floor 0 between basements and floors', () => {
    expect(floorsBetween(-2, 2)).toEqual([-2, -1, 1, 2]);
    expect(floorLabel(-1)).toBe('B1');
  });

  it('expands a plan with per-floor overrides into the layout input', () => {
    const input = planToInput([{ unitNo: 1, fromFloor: 1, toFloor: 3, flatsPerFloor: 2, overrides: [{ floorNo: 3, flats: 1 }] }]);
    expect(input).toEqual({
      units: [
        {
          unitNo: 1,
          floors: [
            { floorNo: 1, flats: 2 },
            { floorNo: 2, flats: 2 },
            { floorNo: 3, flats: 1 },
          ],
        },
      ],
    });
    expect(countPlannedFlats([{ unitNo: 1, fromFloor: 1, toFloor: 3, flatsPerFloor: 2, overrides: [{ floorNo: 3, flats: 1 }] }])).toBe(5);
  });

  it('reads flats back into the plan they came from', () => {
    const flats = [flat(1, 1, 1), flat(1, 1, 2), flat(1, 2, 1), flat(1, 2, 2), flat(1, 4, 1), flat(2, 1, 1)];
    expect(flatsToPlan(flats)).toEqual([
      {
        unitNo: 1,
        fromFloor: 1,
        toFloor: 4,
        flatsPerFloor: 2,
        overrides: [
          { floorNo: 3, flats: 0 },
          { floorNo: 4, flats: 1 },
        ],
      },
      { unitNo: 2, fromFloor: 1, toFloor: 1, flatsPerFloor: 1, overrides: [] },
    ]);
    expect(countPlannedFlats(flatsToPlan(flats))).toBe(flats.length);
  });

  it('lays flats out top floor first with units as wide as their widest floor', () => {
    const grid = flatGrid([flat(1, 1, 2), flat(1, 1, 1), flat(1, -1, 1), flat(2, 2, 1)]);
    expect(grid.floors).toEqual([2, 1, -1]);
    expect(grid.units).toEqual([
      { unitNo: 1, width: 2 },
      { unitNo: 2, width: 1 },
    ]);
    expect(grid.at(1, 1).map((f) => f.flatNo)).toEqual(['101', '102']);
    expect(grid.at(2, 1)).toEqual([]);
  });
});
