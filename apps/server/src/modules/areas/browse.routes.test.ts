import { AreaDetailDto, AreaListDto, ErrorBody } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AreaRow,
  TEST_PASSWORD,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildUser,
  signIn,
  useTestApp,
} from '../../testing/index.js';

const ctx = useTestApp();
const as = async (role: Parameters<typeof buildUser>[1], areaId: string) => {
  const u = await buildUser(ctx.t.db, role, { areaId });
  return signIn(ctx.app, u.username, TEST_PASSWORD);
};
const list = async (agent: Awaited<ReturnType<typeof as>>, query = '') => {
  const res = await agent.get(`/api/areas${query}`);
  expect(res.statusCode).toBe(200);
  return AreaListDto.parse(res.json()).items;
};

describe('browsing the area tree', () => {
  let A: Tree;
  let B: Tree;
  let grid2: AreaRow;
  let building2: AreaRow;
  let building3: AreaRow;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    B = await buildCommunityTree(ctx.t.db, A.street);
    grid2 = await buildArea(ctx.t.db, 'grid', A.community);
    building2 = await buildArea(ctx.t.db, 'building', A.compound, { gridId: A.grid.id });
    building3 = await buildArea(ctx.t.db, 'building', A.compound, { gridId: grid2.id, name: '幸福楼' });
  });

  it('community_staff: can browse from the top of their scope down to a building', async () => {
    const staff = await as('community_staff', A.community.id);
    const top = await list(staff);
    expect(top.map((n) => n.id)).toEqual([A.community.id]);
    expect(top[0]?.childCount).toBe(3);
    expect(top[0]?.units).toBeNull();
    const children = await list(staff, `?parentId=${A.community.id}`);
    expect(children.map((n) => n.id)).toEqual([A.compound.id, A.grid.id, grid2.id]);
    const buildings = await list(staff, `?parentId=${A.compound.id}`);
    expect(buildings.map((n) => n.id)).toEqual([A.building.id, building2.id, building3.id]);
    expect(buildings[0]).toMatchObject({ kind: 'building', gridId: A.grid.id, units: 0, floors: 0, childCount: 0 });
    const res = await staff.get(`/api/areas/${A.building.id}`);
    expect(res.statusCode).toBe(200);
    const detail = AreaDetailDto.parse(res.json());
    expect(detail.ancestors.map((a) => a.id)).toEqual([A.district.id, A.street.id, A.community.id, A.compound.id]);
    expect(detail.abilities).toEqual({ canEdit: false, canAddChild: false, canDelete: false });
  });

  it('community_admin: can edit their community and add to it, but not delete it', async () => {
    const admin = await as('community_admin', A.community.id);
    const [community] = await list(admin);
    expect(community?.abilities).toEqual({ canEdit: true, canAddChild: true, canDelete: false });
    const [compound] = await list(admin, `?parentId=${A.community.id}&kind=compound`);
    expect(compound?.abilities).toEqual({ canEdit: true, canAddChild: true, canDelete: true });
  });

  it('system_admin: can start from the districts', async () => {
    const admin = await as('system_admin', A.district.id);
    expect((await list(admin)).map((n) => n.id)).toEqual([A.district.id]);
    expect((await list(admin, `?parentId=${A.street.id}`)).map((n) => n.id)).toEqual([A.community.id, B.community.id]);
  });

  it('street_supervisor: can see every community of their street', async () => {
    const sup = await as('street_supervisor', A.street.id);
    expect((await list(sup)).map((n) => n.id)).toEqual([A.street.id]);
    expect((await list(sup, `?parentId=${A.street.id}`)).map((n) => n.id)).toEqual([A.community.id, B.community.id]);
  });

  it("grid_worker: can see their own grid's buildings and nothing else of the community", async () => {
    const worker = await as('grid_worker', A.grid.id);
    const top = await list(worker);
    expect(top.map((n) => n.id)).toEqual([A.grid.id]);
    expect(top[0]?.childCount).toBe(2);
    expect((await list(worker, `?parentId=${A.grid.id}`)).map((n) => n.id)).toEqual([A.building.id, building2.id]);
    expect((await worker.get(`/api/areas/${A.building.id}`)).statusCode).toBe(200);
    for (const id of [building3.id, A.compound.id, A.community.id]) expect((await worker.get(`/api/areas/${id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/areas?parentId=${A.compound.id}`)).statusCode).toBe(404);
  });

  it('building_leader: can read their building only', async () => {
    const leader = await as('building_leader', A.building.id);
    expect((await list(leader)).map((n) => n.id)).toEqual([A.building.id]);
    expect((await leader.get(`/api/areas/${building2.id}`)).statusCode).toBe(404);
  });

  it("community_staff: cannot read another community's node, children or layout (404)", async () => {
    const staff = await as('community_staff', A.community.id);
    for (const url of [`/api/areas/${B.community.id}`, `/api/areas?parentId=${B.community.id}`, `/api/areas/${B.building.id}/layout`]) {
      const res = await staff.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(ErrorBody.parse(res.json()).error.code).toBe('NOT_FOUND');
    }
  });

  it('community_staff: can search names and codes inside their scope only', async () => {
    const staff = await as('community_staff', A.community.id);
    const byCode = await list(staff, `?q=${A.street.code}`);
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((n) => n.code.startsWith(A.community.code))).toBe(true);
    expect((await list(staff, `?q=${encodeURIComponent('幸福')}`)).map((n) => n.id)).toEqual([building3.id]);
    expect((await list(staff, `?q=building&kind=building`)).map((n) => n.id)).toEqual([A.building.id, building2.id]);
    expect(await list(staff, `?q=${B.community.code}`)).toEqual([]);
    expect(await list(staff, `?q=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('answers 404 for the layout of a node that is not a building', async () => {
    const staff = await as('community_staff', A.community.id);
    expect((await staff.get(`/api/areas/${A.compound.id}/layout`)).statusCode).toBe(404);
  });

  it('resident: cannot list areas (403)', async () => {
    const resident = await as('resident', A.building.id);
    expect((await resident.get('/api/areas')).statusCode).toBe(403);
  });

  it('answers 401 without a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/areas' })).statusCode).toBe(401);
  });
});
