import { AreaDetailDto, type BuildingLayoutInput, BuildingLayoutDto, ErrorBody } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, households } from '../../db/schema/index.js';
import { type Agent, TEST_PASSWORD, type Tree, buildCommunityTree, buildUser, signIn, useTestApp } from '../../testing/index.js';

const ctx = useTestApp();
const as = async (role: Parameters<typeof buildUser>[1], areaId: string) => {
  const u = await buildUser(ctx.t.db, role, { areaId });
  return signIn(ctx.app, u.username, TEST_PASSWORD);
};
const unitFlats = (layout: BuildingLayoutDto, unitNo: number) => layout.flats.filter((f) => f.unitNo === unitNo).map((f) => f.flatNo);

const FIRST: BuildingLayoutInput = {
  units: [
    {
      unitNo: 1,
      floors: [
        { floorNo: 1, flats: 2 },
        { floorNo: 2, flats: 2 },
        { floorNo: 3, flats: 3 },
      ],
    },
    {
      unitNo: 2,
      floors: [
        { floorNo: -1, flats: 1 },
        { floorNo: 1, flats: 4 },
        { floorNo: 2, flats: 1 },
      ],
    },
  ],
};
const SECOND: BuildingLayoutInput = {
  units: [
    {
      unitNo: 1,
      floors: [
        { floorNo: 1, flats: 2 },
        { floorNo: 2, flats: 2 },
        { floorNo: 3, flats: 1 },
        { floorNo: 4, flats: 2 },
      ],
    },
    {
      unitNo: 2,
      floors: [
        { floorNo: 1, flats: 4 },
        { floorNo: 2, flats: 1 },
      ],
    },
  ],
};

describe('building layouts', () => {
  let A: Tree;
  let B: Tree;
  let admin: Agent;
  let first: BuildingLayoutDto;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    B = await buildCommunityTree(ctx.t.db, A.street);
    admin = await as('community_admin', A.community.id);
  });

  it('community_admin: can set a layout with different flat counts per floor and unit, and read it back', async () => {
    const res = await admin.put(`/api/areas/${A.building.id}/layout`, FIRST);
    expect(res.statusCode).toBe(200);
    first = BuildingLayoutDto.parse(res.json());
    expect(unitFlats(first, 1)).toEqual(['101', '102', '201', '202', '301', '302', '303']);
    expect(unitFlats(first, 2)).toEqual(['B101', '101', '102', '103', '104', '201']);
    expect(BuildingLayoutDto.parse((await admin.get(`/api/areas/${A.building.id}/layout`)).json())).toEqual(first);
    const node = AreaDetailDto.parse((await admin.get(`/api/areas/${A.building.id}`)).json());
    expect(node).toMatchObject({ units: 2, floors: 3 });
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'area.layout'), eq(auditLog.entityId, A.building.id)));
    expect(audit).toMatchObject({ communityId: A.community.id, details: { added: 13, removed: 0, kept: 0 } });
  });

  it('keeps the ids of flats that remain when the layout changes', async () => {
    const res = await admin.put(`/api/areas/${A.building.id}/layout`, SECOND);
    expect(res.statusCode).toBe(200);
    const second = BuildingLayoutDto.parse(res.json());
    expect(unitFlats(second, 1)).toEqual(['101', '102', '201', '202', '301', '401', '402']);
    expect(unitFlats(second, 2)).toEqual(['101', '102', '103', '104', '201']);
    const idOf = (l: BuildingLayoutDto, unitNo: number, flatNo: string) =>
      l.flats.find((f) => f.unitNo === unitNo && f.flatNo === flatNo)?.id;
    for (const [unitNo, flatNo] of [
      [1, '101'],
      [1, '301'],
      [2, '104'],
    ] as const)
      expect(idOf(second, unitNo, flatNo)).toBe(idOf(first, unitNo, flatNo));
  });

  it('refuses to remove a flat that has a household (409), naming it, and changes nothing', async () => {
    const before = BuildingLayoutDto.parse((await admin.get(`/api/areas/${A.building.id}/layout`)).json());
    const flat = before.flats.find((f) => f.unitNo === 1 && f.flatNo === '101')!;
    await ctx.t.db.insert(households).values({
      flatId: flat.id,
      buildingId: A.building.id,
      gridId: A.grid.id,
      compoundId: A.compound.id,
      communityId: A.community.id,
      streetId: A.street.id,
      districtId: A.district.id,
    });
    const withoutFloor1 = { units: [{ unitNo: 1, floors: [{ floorNo: 2, flats: 2 }] }, ...SECOND.units.slice(1)] };
    const zh = await admin.put(`/api/areas/${A.building.id}/layout`, withoutFloor1);
    expect(zh.statusCode).toBe(409);
    expect(ErrorBody.parse(zh.json()).error.message).toContain('1单元101室');
    const en = await admin.request({
      method: 'PUT',
      url: `/api/areas/${A.building.id}/layout`,
      payload: withoutFloor1,
      headers: { 'x-linli-locale': 'en' },
    });
    expect(ErrorBody.parse(en.json()).error.message).toContain('unit 1 flat 101');
    const after = BuildingLayoutDto.parse((await admin.get(`/api/areas/${A.building.id}/layout`)).json());
    expect(after.flats).toEqual(before.flats.map((f) => (f.id === flat.id ? { ...f, householdCount: 1 } : f)));
  });

  it('refuses to delete a building whose flats have households (409)', async () => {
    const res = await admin.delete(`/api/areas/${A.building.id}`);
    expect(res.statusCode).toBe(409);
    expect(ErrorBody.parse(res.json()).error.details).toMatchObject({ reason: 'households' });
  });

  it('rejects a floor repeated in a unit with the field path (400)', async () => {
    const bad = {
      units: [
        {
          unitNo: 1,
          floors: [
            { floorNo: 1, flats: 2 },
            { floorNo: 2, flats: 2 },
            { floorNo: 1, flats: 1 },
          ],
        },
      ],
    };
    const res = await admin.put(`/api/areas/${A.building.id}/layout`, bad);
    expect(res.statusCode).toBe(400);
    expect(ErrorBody.parse(res.json()).error.details?.issues?.map((i) => i.path)).toEqual(['units.0.floors.2.floorNo']);
  });

  it('answers 404 when setting the layout of a node that is not a building', async () => {
    expect((await admin.put(`/api/areas/${A.compound.id}/layout`, FIRST)).statusCode).toBe(404);
  });

  it('community_staff: cannot change a layout in their own community (403)', async () => {
    const staff = await as('community_staff', A.community.id);
    expect((await staff.get(`/api/areas/${A.building.id}/layout`)).statusCode).toBe(200);
    expect((await staff.put(`/api/areas/${A.building.id}/layout`, FIRST)).statusCode).toBe(403);
  });

  it("community_admin: cannot read or change another community's layout (404)", async () => {
    expect((await admin.get(`/api/areas/${B.building.id}/layout`)).statusCode).toBe(404);
    expect((await admin.put(`/api/areas/${B.building.id}/layout`, FIRST)).statusCode).toBe(404);
  });
});
