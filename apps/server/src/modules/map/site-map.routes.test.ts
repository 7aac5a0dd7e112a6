import { BuildingMapDto, ErrorBody, SiteMapDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaNodes, auditLog } from '../../db/schema/index.js';
import {
  type Agent,
  type AreaRow,
  type Tree,
  TEST_PASSWORD,
  buildArea,
  buildCommunityTree,
  buildUser,
  signIn,
  useTestApp,
} from '../../testing/index.js';
import { mapRows } from './test-kit.js';

const ctx = useTestApp();
const as = async (role: Parameters<typeof buildUser>[1], areaId: string) => {
  const u = await buildUser(ctx.t.db, role, { areaId });
  return signIn(ctx.app, u.username, TEST_PASSWORD);
};

let A: Tree;
let B: Tree;
let second: AreaRow;
let third: AreaRow;
let admin: Agent;

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  second = await buildArea(ctx.t.db, 'building', A.compound, { gridId: A.grid.id });
  const otherGrid = await buildArea(ctx.t.db, 'grid', A.community);
  const compound2 = await buildArea(ctx.t.db, 'compound', A.community);
  third = await buildArea(ctx.t.db, 'building', compound2, { gridId: otherGrid.id });
  await ctx.t.db.update(areaNodes).set({ mapX: 3, mapY: 1 }).where(eq(areaNodes.id, second.id));
  await ctx.t.db.update(areaNodes).set({ mapX: 5, mapY: 0 }).where(eq(areaNodes.id, third.id));
  const first = mapRows(ctx.t.db, A.building);
  const f1 = await first.flat(1, 1, 1);
  await first.flat(1, 1, 2);
  const f3 = await first.flat(1, 2, 1);
  await first.household(f1.id, { tenure: 'rented', tags: ['low_income'] }, [
    { name: '张三', relation: '02', birthDate: '1950-01-01', residentType: 'floating', political: '01', tags: ['disabled'] },
    { name: '李四', relation: '10', birthDate: '1990-01-01', volunteer: true, tags: ['disabled'] },
  ]);
  await first.household(f3.id, {}, [{ name: '王五', relation: '02', birthDate: '1941-01-01', tags: ['elderly_alone'] }]);
  const rows2 = mapRows(ctx.t.db, second);
  const g1 = await rows2.flat(1, 1, 1);
  await rows2.household(g1.id, { tags: ['disabled'] }, [{ name: '赵六', relation: '02', birthDate: '1980-01-01', political: '02' }]);
  admin = await as('community_admin', A.community.id);
});

const siteOf = async (agent: Agent, id: string) => SiteMapDto.parse((await agent.get(`/api/map/areas/${id}`)).json());

describe('site map', () => {
  it('community_admin: can see every building of the community with its counts and site position', async () => {
    const site = await siteOf(admin, A.community.id);
    expect(site.area).toMatchObject({ id: A.community.id, kind: 'community' });
    expect(site.abilities.canArrange).toBe(true);
    expect(site.buildings.map((b) => b.id).sort()).toEqual([A.building.id, second.id, third.id].sort());
    const first = site.buildings.find((b) => b.id === A.building.id)!;
    expect(first.counts).toEqual({
      flats: 3,
      households: 2,
      residents: 3,
      vacant: 1,
      rented: 1,
      floating: 1,
      partyMembers: 1,
      volunteers: 1,
      elderly: 2,
    });
    expect(first.tagCounts).toEqual({ low_income: 1, disabled: 1, elderly_alone: 1 });
    expect(first).toMatchObject({ units: 1, floors: 2, compoundName: A.compound.name, gridName: A.grid.name });
    expect(site.buildings.find((b) => b.id === second.id)).toMatchObject({ mapX: 3, mapY: 1, positioned: true });
    expect(site.counts).toMatchObject({ flats: 4, households: 3, residents: 4, partyMembers: 2 });
    expect(site.tagCounts).toEqual({ low_income: 1, disabled: 2, elderly_alone: 1 });
  });

  it('agrees with the building map on the counts of a building', async () => {
    const site = await siteOf(admin, A.community.id);
    const map = BuildingMapDto.parse((await admin.get(`/api/map/buildings/${A.building.id}`)).json());
    const onSite = site.buildings.find((b) => b.id === A.building.id)!;
    expect(onSite.counts).toEqual(map.counts);
    expect(onSite.tagCounts).toEqual(map.tagCounts);
  });

  it('places a building nobody arranged in the rows below the arranged ones', async () => {
    const site = await siteOf(admin, A.community.id);
    expect(site.buildings.find((b) => b.id === A.building.id)).toMatchObject({ mapX: 0, mapY: 2, positioned: false });
  });

  it('draws a compound or a grid with only its own buildings', async () => {
    expect((await siteOf(admin, A.compound.id)).buildings.map((b) => b.id).sort()).toEqual([A.building.id, second.id].sort());
    expect((await siteOf(admin, A.grid.id)).buildings.map((b) => b.id).sort()).toEqual([A.building.id, second.id].sort());
  });

  it('grid_worker: can see their grid but cannot see the community or the compound (404)', async () => {
    const worker = await as('grid_worker', A.grid.id);
    const grid = await worker.get(`/api/map/areas/${A.grid.id}`);
    expect(grid.statusCode).toBe(200);
    expect(SiteMapDto.parse(grid.json())).toMatchObject({ abilities: { canArrange: false }, sites: [] });
    expect((await siteOf(admin, A.grid.id)).sites.map((a) => a.id)).toEqual([A.community.id]);
    expect((await worker.get(`/api/map/areas/${A.community.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/map/areas/${A.compound.id}`)).statusCode).toBe(404);
  });

  it("community_admin: cannot see another community's site map (404)", async () => {
    expect((await admin.get(`/api/map/areas/${B.community.id}`)).statusCode).toBe(404);
  });

  it('answers 404 for a building or a street, and 403 to handler_staff-like roles without registry.read', async () => {
    expect((await admin.get(`/api/map/areas/${A.building.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/map/areas/${A.street.id}`)).statusCode).toBe(404);
    const evaluator = await as('evaluator', A.community.id);
    expect((await evaluator.get(`/api/map/areas/${A.community.id}`)).statusCode).toBe(403);
  });
});

describe('arranging the site', () => {
  const auditRows = () => ctx.t.db.select().from(auditLog).where(eq(auditLog.action, 'map.arrange'));

  it('community_admin: can move buildings to new cells, saved and audited', async () => {
    const res = await admin.put(`/api/map/areas/${A.compound.id}/positions`, {
      positions: [
        { buildingId: A.building.id, mapX: 3, mapY: 1 },
        { buildingId: second.id, mapX: 0, mapY: 0 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const site = SiteMapDto.parse(res.json());
    expect(site.buildings.find((b) => b.id === A.building.id)).toMatchObject({ mapX: 3, mapY: 1, positioned: true });
    const [stored] = await ctx.t.db.select().from(areaNodes).where(eq(areaNodes.id, second.id));
    expect(stored).toMatchObject({ mapX: 0, mapY: 0 });
    const [audit] = await auditRows();
    expect(audit).toMatchObject({ entityId: A.compound.id, communityId: A.community.id, details: { moved: 2 } });
  });

  it('refuses a cell another building of the community keeps (400), naming it, and changes nothing', async () => {
    const res = await admin.put(`/api/map/areas/${A.compound.id}/positions`, { positions: [{ buildingId: second.id, mapX: 5, mapY: 0 }] });
    expect(res.statusCode).toBe(400);
    const body = ErrorBody.parse(res.json());
    expect(body.error.details?.issues).toEqual([{ path: 'positions.0', message: `该位置已有楼栋“${third.name}”` }]);
    const [stored] = await ctx.t.db.select().from(areaNodes).where(eq(areaNodes.id, second.id));
    expect(stored).toMatchObject({ mapX: 0, mapY: 0 });
  });

  it('refuses a building that is not on the site, a repeated building and a negative cell (400)', async () => {
    const url = `/api/map/areas/${A.compound.id}/positions`;
    const foreign = await admin.put(url, { positions: [{ buildingId: third.id, mapX: 7, mapY: 7 }] });
    expect(ErrorBody.parse(foreign.json()).error.details?.issues?.map((i) => i.path)).toEqual(['positions.0.buildingId']);
    const twice = await admin.put(url, {
      positions: [
        { buildingId: second.id, mapX: 7, mapY: 7 },
        { buildingId: second.id, mapX: 6, mapY: 7 },
      ],
    });
    expect(ErrorBody.parse(twice.json()).error.details?.issues?.map((i) => i.path)).toEqual(['positions.1.buildingId']);
    const negative = await admin.put(url, { positions: [{ buildingId: second.id, mapX: -1, mapY: 0 }] });
    expect(negative.statusCode).toBe(400);
    expect(ErrorBody.parse(negative.json()).error.details?.issues?.map((i) => i.path)).toEqual(['positions.0.mapX']);
    expect((await admin.put(url, { positions: [] })).statusCode).toBe(400);
    expect(await auditRows()).toHaveLength(1);
  });

  it('community_staff: cannot arrange the site of their community (403)', async () => {
    const staff = await as('community_staff', A.community.id);
    const res = await staff.put(`/api/map/areas/${A.community.id}/positions`, { positions: [{ buildingId: second.id, mapX: 9, mapY: 9 }] });
    expect(res.statusCode).toBe(403);
  });

  it("community_admin: cannot arrange another community's site (404)", async () => {
    const res = await admin.put(`/api/map/areas/${B.community.id}/positions`, {
      positions: [{ buildingId: B.building.id, mapX: 1, mapY: 1 }],
    });
    expect(res.statusCode).toBe(404);
    const [stored] = await ctx.t.db.select().from(areaNodes).where(eq(areaNodes.id, B.building.id));
    expect(stored).toMatchObject({ mapX: null, mapY: null });
  });
});
