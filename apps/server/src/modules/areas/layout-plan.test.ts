import { describe, expect, it } from 'vitest';
import { diffLayout, layoutIssues, planFlats } from './layout-plan.js';

describe('floor plans', () => {
  it('numbers flats by floor and index, basements with B', () => {
    const flats = planFlats({
      units: [
        {
          unitNo: 1,
          floors: [
            { floorNo: -1, flats: 1 },
            { floorNo: 3, flats: 2 },
            { floorNo: 12, flats: 1 },
          ],
        },
      ],
    });
    expect(flats.map((f) => f.flatNo)).toEqual(['B101', '301', '302', '1201']);
    expect(flats.map((f) => f.position)).toEqual([0, 0, 1, 0]);
  });

  it('reports repeated floors, repeated units and floor 0 by field path', () => {
    const issues = layoutIssues(
      {
        units: [
          {
            unitNo: 1,
            floors: [
              { floorNo: 1, flats: 2 },
              { floorNo: 0, flats: 2 },
              { floorNo: 1, flats: 2 },
            ],
          },
          { unitNo: 1, floors: [{ floorNo: 1, flats: 1 }] },
        ],
      },
      'en',
    );
    expect(issues.map((i) => i.path)).toEqual(['units.0.floors.1.floorNo', 'units.0.floors.2.floorNo', 'units.1.unitNo']);
  });

  it('keeps matching flats, inserts missing ones and deletes the rest', () => {
    const existing = [
      { id: 'a', unitNo: 1, floorNo: 1, flatNo: '101', position: 0 },
      { id: 'b', unitNo: 1, floorNo: 1, flatNo: '102', position: 1 },
      { id: 'c', unitNo: 2, floorNo: 1, flatNo: '101', position: 5 },
    ];
    const wanted = planFlats({
      units: [
        { unitNo: 1, floors: [{ floorNo: 1, flats: 1 }] },
        { unitNo: 2, floors: [{ floorNo: 1, flats: 2 }] },
      ],
    });
    const diff = diffLayout(existing, wanted);
    expect(diff.toDelete.map((f) => f.id)).toEqual(['b']);
    expect(diff.toInsert.map((f) => `${f.unitNo}/${f.flatNo}`)).toEqual(['2/102']);
    expect(diff.toMove).toEqual([{ id: 'c', unitNo: 2, floorNo: 1, flatNo: '101', position: 0 }]);
    expect(diff.kept).toBe(2);
  });
});
