import { BuildingMapDto, ErrorBody, type MapFlatCell } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { residents } from '../../db/schema/index.js';
import { type Tree, TEST_PASSWORD, buildArea, buildCommunityTree, buildOrg, buildUser, signIn, useTestApp } from '../../testing/index.js';
import { mapRows } from './test-kit.js';

const ctx = useTestApp();
const as = async (role: Parameters<typeof buildUser>[1], areaId: string) => {
  const u = await buildUser(ctx.t.db, role, { areaId });
  return signIn(ctx.app, u.username, TEST_PASSWORD);
};

let A: Tree;
let B: Tree;
const ids: Record<string, string> = {};

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  const rows = mapRows(ctx.t.db, A.building);
  const f101 = await rows.flat(1, 1, 1);
  const f102 = await rows.flat(1, 1, 2);
  const f201 = await rows.flat(1, 2, 1);
  const f202 = await rows.flat(1, 2, 2);
  await rows.flat(2, 1, 1);
  const h1 = await rows.household(f101.id, { tags: ['low_income'] }, [
    { name: '张三', relation: '02', birthDate: '1950-03-01', political: '01', tags: ['disabled'] },
    { name: '李四', relation: '10', birthDate: '1952-05-01', volunteer: true },
  ]);
  const h2 = await rows.household(f102.id, { tenure: 'rented' }, [
    { name: '赵六', relation: '99', birthDate: '1992-01-01', residentType: 'floating', tags: ['key_care'] },
    { name: '王五', relation: '02', birthDate: '1990-01-01', residentType: 'floating', political: '02' },
    { name: '孙七', relation: '99', birthDate: '1940-01-01', residentType: 'floating', status: 'moved_out', political: '01' },
  ]);
  const h3 = await rows.household(f201.id, {}, [
    { name: '欧阳娜娜', relation: '02', birthDate: '1940-07-01', residentType: 'away', tags: ['elderly_alone'] },
  ]);
  await rows.household(f202.id, { status: 'moved_out' }, [{ name: '钱八', relation: '02', status: 'moved_out' }]);
  Object.assign(ids, { h1: h1.id, h2: h2.id, h3: h3.id });
  const [zhang] = await ctx.t.db.select().from(residents).where(eq(residents.name, '张三'));
  await rows.post(zhang!.id, 'red_post');
  await buildUser(ctx.t.db, 'building_leader', { areaId: A.building.id }, { username: 'leader-a' });
  await buildUser(ctx.t.db, 'grid_worker', { areaId: A.grid.id }, { username: 'grid-a' });
  const otherGrid = await buildArea(ctx.t.db, 'grid', A.community);
  await buildUser(ctx.t.db, 'grid_worker', { areaId: otherGrid.id }, { username: 'grid-other' });
});

const cellAt = (map: BuildingMapDto, unitNo: number, flatNo: string): MapFlatCell =>
  map.cells.find((c) => c.unitNo === unitNo && c.flatNo === flatNo)!;

describe('building map', () => {
  let map: BuildingMapDto;

  it('community_admin: can read a building map with one cell per flat', async () => {
    const admin = await as('community_admin', A.community.id);
    const res = await admin.get(`/api/map/buildings/${A.building.id}`);
    expect(res.statusCode).toBe(200);
    map = BuildingMapDto.parse(res.json());
    expect(map.cells.map((c) => `${c.unitNo}-${c.flatNo}`)).toEqual(['1-101', '1-102', '1-201', '1-202', '2-101']);
    expect(map.building).toMatchObject({ id: A.building.id, compoundId: A.compound.id, gridId: A.grid.id, gridName: A.grid.name });
    expect(map.ancestors.map((a) => a.id)).toEqual([A.district.id, A.street.id, A.community.id, A.compound.id]);
    expect(map.abilities).toEqual({ canOpenHousehold: true, canEditLayout: true });
    expect(map.sites.map((a) => a.id)).toEqual([A.community.id, A.compound.id, A.grid.id]);
  });

  it('summarises each household for every layer, counting only active members', () => {
    expect(cellAt(map, 1, '101')).toMatchObject({
      householdId: ids.h1,
      householdCount: 1,
      tenure: 'owner',
      memberCount: 2,
      tags: ['disabled', 'low_income'],
      types: { registered: 2, floating: 0, away: 0, overseas: 0 },
      partyMembers: 1,
      volunteers: 1,
      elderly: 2,
      headName: '张*',
    });
    expect(cellAt(map, 1, '102')).toMatchObject({
      householdId: ids.h2,
      tenure: 'rented',
      memberCount: 2,
      tags: ['key_care'],
      types: { registered: 0, floating: 2, away: 0, overseas: 0 },
      partyMembers: 1,
      elderly: 0,
      headName: '王*',
    });
    expect(cellAt(map, 1, '201')).toMatchObject({ householdId: ids.h3, elderly: 1, tags: ['elderly_alone'], headName: '欧阳*' });
    for (const [unitNo, flatNo] of [
      [1, '202'],
      [2, '101'],
    ] as const)
      expect(cellAt(map, unitNo, flatNo)).toMatchObject({ householdId: null, householdCount: 0, memberCount: 0, tags: [], headName: null });
  });

  it('counts the building against its rows', () => {
    expect(map.counts).toEqual({
      flats: 5,
      households: 3,
      residents: 5,
      vacant: 2,
      rented: 1,
      floating: 2,
      partyMembers: 2,
      volunteers: 1,
      elderly: 3,
    });
    expect(map.tagCounts).toEqual({ low_income: 1, disabled: 1, key_care: 1, elderly_alone: 1 });
  });

  it('names the building leader, the grid worker of its grid and the red-post party member', () => {
    const people = map.responsible.map((p) => `${p.role}:${p.source}:${p.name}:${p.unitNo ?? ''}-${p.flatNo ?? ''}`);
    expect(people.sort()).toEqual(['building_leader:user:leader-a:-', 'grid_worker:user:grid-a:-', 'red_post:post:张三:1-101']);
    expect(JSON.stringify(map)).not.toContain('李四');
  });

  it('grid_worker: can read a building of their grid; building_leader: can read their building', async () => {
    const worker = await (await as('grid_worker', A.grid.id)).get(`/api/map/buildings/${A.building.id}`);
    expect(BuildingMapDto.parse(worker.json()).sites.map((a) => a.id)).toEqual([A.grid.id]);
    const leader = await as('building_leader', A.building.id);
    const res = BuildingMapDto.parse((await leader.get(`/api/map/buildings/${A.building.id}`)).json());
    expect(res.abilities).toEqual({ canOpenHousehold: true, canEditLayout: false });
    expect(res.sites).toEqual([]);
  });

  it("community_admin: cannot read another community's building (404)", async () => {
    const admin = await as('community_admin', B.community.id);
    const res = await admin.get(`/api/map/buildings/${A.building.id}`);
    expect(res.statusCode).toBe(404);
    expect(ErrorBody.parse(res.json()).error.code).toBe('NOT_FOUND');
  });

  it('building_leader: cannot read another building of the same compound (404)', async () => {
    const other = await buildArea(ctx.t.db, 'building', A.compound, { gridId: A.grid.id });
    const leader = await as('building_leader', A.building.id);
    expect((await leader.get(`/api/map/buildings/${other.id}`)).statusCode).toBe(404);
  });

  it('handler_staff, resident and evaluator: cannot read a building map (403)', async () => {
    const org = await buildOrg(ctx.t.db, A.community);
    const staff = await buildUser(ctx.t.db, 'handler_staff', { orgId: org.id });
    const agents = [
      await signIn(ctx.app, staff.username, TEST_PASSWORD),
      await as('resident', A.building.id),
      await as('evaluator', A.community.id),
    ];
    for (const agent of agents) expect((await agent.get(`/api/map/buildings/${A.building.id}`)).statusCode).toBe(403);
  });

  it('answers 404 for a node that is not a building, and 400 for an id that is not a uuid', async () => {
    const admin = await as('community_admin', A.community.id);
    expect((await admin.get(`/api/map/buildings/${A.compound.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/map/buildings/not-a-uuid`)).statusCode).toBe(400);
  });

  it('answers 401 without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/map/buildings/${A.building.id}` })).statusCode).toBe(401);
  });
});
