import { AreaDetailDto, AreaNodeDto, ErrorBody, areaCodeHint } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaNodes, auditLog, flats, handlerOrgs } from '../../db/schema/index.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildOrg,
  buildUser,
  signIn,
  useTestApp,
} from '../../testing/index.js';

const ctx = useTestApp();
const as = async (role: Parameters<typeof buildUser>[1], areaId: string) => {
  const u = await buildUser(ctx.t.db, role, { areaId });
  return signIn(ctx.app, u.username, TEST_PASSWORD);
};
const issuesOf = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error.details?.issues ?? [];
const inEnglish = (agent: Agent, method: 'POST' | 'PATCH', url: string, payload: object) =>
  agent.request({ method, url, payload, headers: { 'x-linli-locale': 'en' } });

describe('creating areas', () => {
  let A: Tree;
  let B: Tree;
  let admin: Agent;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    B = await buildCommunityTree(ctx.t.db, A.street);
    admin = await as('community_admin', A.community.id);
  });

  it('community_admin: can create a grid, a compound and a building in their community', async () => {
    const grid = await admin.post('/api/areas', {
      kind: 'grid',
      parentId: A.community.id,
      code: `${A.community.code}901`,
      name: '第九网格',
    });
    expect(grid.statusCode).toBe(201);
    const gridDto = AreaNodeDto.parse(grid.json());
    const compound = await admin.post('/api/areas', {
      kind: 'compound',
      parentId: A.community.id,
      code: `${A.community.code}-90`,
      name: '绿扬新苑',
    });
    expect(compound.statusCode).toBe(201);
    const compoundDto = AreaNodeDto.parse(compound.json());
    const building = await admin.post('/api/areas', {
      kind: 'building',
      parentId: compoundDto.id,
      code: `${compoundDto.code}-001`,
      name: '1号楼',
      gridId: gridDto.id,
    });
    expect(building.statusCode).toBe(201);
    const buildingDto = AreaNodeDto.parse(building.json());
    expect(buildingDto).toMatchObject({ kind: 'building', gridId: gridDto.id, parentId: compoundDto.id, units: 0, floors: 0 });
    const detail = AreaDetailDto.parse((await admin.get(`/api/areas/${buildingDto.id}`)).json());
    expect(detail.ancestors.map((a) => a.id)).toEqual([A.district.id, A.street.id, A.community.id, compoundDto.id]);
    const [row] = await ctx.t.db.select().from(areaNodes).where(eq(areaNodes.id, buildingDto.id));
    expect(row).toMatchObject({ communityId: A.community.id, compoundId: compoundDto.id, gridId: gridDto.id, buildingId: buildingDto.id });
    const audit = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'area.create'), eq(auditLog.entityId, buildingDto.id)));
    expect(audit[0]).toMatchObject({ communityId: A.community.id, streetId: A.street.id, outcome: 'ok' });
  });

  it('street_supervisor: can create a community in their street', async () => {
    const sup = await as('street_supervisor', A.street.id);
    const res = await sup.post('/api/areas', { kind: 'community', parentId: A.street.id, code: `${A.street.code}950`, name: '安平社区' });
    expect(res.statusCode).toBe(201);
    expect(AreaNodeDto.parse(res.json()).abilities).toEqual({ canEdit: true, canAddChild: true, canDelete: true });
  });

  it('rejects a code of the wrong format with a field-level message in Chinese and English', async () => {
    const body = { kind: 'compound', parentId: A.community.id, code: `${A.community.code}-5`, name: '坏代码' };
    const zh = await admin.post('/api/areas', body);
    expect(zh.statusCode).toBe(400);
    expect(issuesOf(zh)).toEqual([{ path: 'code', message: areaCodeHint('compound', 'zh-CN') }]);
    const en = await inEnglish(admin, 'POST', '/api/areas', body);
    expect(issuesOf(en)).toEqual([{ path: 'code', message: areaCodeHint('compound', 'en') }]);
    const sup = await as('street_supervisor', A.street.id);
    const foreign = await sup.post('/api/areas', { kind: 'community', parentId: A.street.id, code: '999999999999', name: '外来社区' });
    expect(issuesOf(foreign)[0]?.message).toBe('社区代码应为12位数字，并以上级代码开头');
  });

  it('answers 409 with an issue on code for a duplicate code', async () => {
    const res = await admin.post('/api/areas', { kind: 'compound', parentId: A.community.id, code: A.compound.code, name: '重复' });
    expect(res.statusCode).toBe(409);
    expect(issuesOf(res).map((i) => i.path)).toEqual(['code']);
  });

  it("refuses a building without a grid or with another community's grid", async () => {
    const base = { kind: 'building', parentId: A.compound.id, code: `${A.compound.code}-901`, name: '无网格楼' };
    const none = await admin.post('/api/areas', base);
    expect(none.statusCode).toBe(400);
    expect(issuesOf(none).map((i) => i.path)).toEqual(['gridId']);
    const other = await inEnglish(admin, 'POST', '/api/areas', { ...base, gridId: B.grid.id });
    expect(other.statusCode).toBe(400);
    expect(issuesOf(other)).toEqual([{ path: 'gridId', message: 'The grid must belong to the same community' }]);
  });

  it('refuses a kind the tree does not allow under the parent', async () => {
    const res = await admin.post('/api/areas', {
      kind: 'building',
      parentId: A.community.id,
      code: `${A.community.code}-01-001`,
      name: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res).map((i) => i.path)).toEqual(['kind']);
  });

  it("community_admin: cannot create under or edit another community's node (404)", async () => {
    const res = await admin.post('/api/areas', { kind: 'grid', parentId: B.community.id, code: `${B.community.code}901`, name: 'x' });
    expect(res.statusCode).toBe(404);
    expect((await admin.patch(`/api/areas/${B.community.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await admin.delete(`/api/areas/${B.building.id}`)).statusCode).toBe(404);
  });

  it('community_staff: cannot create, edit or delete in their own community (403)', async () => {
    const staff = await as('community_staff', A.community.id);
    const create = await staff.post('/api/areas', { kind: 'grid', parentId: A.community.id, code: `${A.community.code}902`, name: 'x' });
    expect(create.statusCode).toBe(403);
    expect((await staff.patch(`/api/areas/${A.community.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await staff.delete(`/api/areas/${A.building.id}`)).statusCode).toBe(403);
    expect((await staff.get(`/api/areas/${A.community.id}`)).statusCode).toBe(200);
  });
});

describe('editing and deleting areas', () => {
  let A: Tree;
  let B: Tree;
  let admin: Agent;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    B = await buildCommunityTree(ctx.t.db, A.street);
    admin = await as('community_admin', A.community.id);
  });

  it('community_admin: can rename their community', async () => {
    const res = await admin.patch(`/api/areas/${A.community.id}`, { name: '安平社区' });
    expect(res.statusCode).toBe(200);
    expect(AreaNodeDto.parse(res.json()).name).toBe('安平社区');
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'area.update'), eq(auditLog.entityId, A.community.id)));
    expect(audit?.details).toEqual({ fields: ['name'] });
  });

  it('community_admin: can move a building to another grid of the community, and its flats follow', async () => {
    const grid2 = await buildArea(ctx.t.db, 'grid', A.community);
    await ctx.t.db.insert(flats).values({
      buildingId: A.building.id,
      communityId: A.community.id,
      streetId: A.street.id,
      districtId: A.district.id,
      gridId: A.grid.id,
      unitNo: 1,
      floorNo: 1,
      flatNo: '101',
      position: 0,
    });
    const res = await admin.patch(`/api/areas/${A.building.id}`, { gridId: grid2.id });
    expect(res.statusCode).toBe(200);
    expect(AreaNodeDto.parse(res.json()).gridId).toBe(grid2.id);
    const rows = await ctx.t.db.select().from(flats).where(eq(flats.buildingId, A.building.id));
    expect(rows.map((f) => f.gridId)).toEqual([grid2.id]);
    expect((await admin.patch(`/api/areas/${A.building.id}`, { gridId: B.grid.id })).statusCode).toBe(400);
    expect((await admin.patch(`/api/areas/${A.building.id}`, { gridId: null })).statusCode).toBe(400);
  });

  it('community_admin: cannot delete their own community (403)', async () => {
    expect((await admin.delete(`/api/areas/${A.community.id}`)).statusCode).toBe(403);
  });

  it('refuses to delete a compound with buildings or a grid managing buildings (409)', async () => {
    const grid = await buildArea(ctx.t.db, 'grid', A.community);
    await buildArea(ctx.t.db, 'building', A.compound, { gridId: grid.id });
    for (const id of [A.compound.id, grid.id]) {
      const res = await admin.delete(`/api/areas/${id}`);
      expect(res.statusCode).toBe(409);
      expect(ErrorBody.parse(res.json()).error.details).toMatchObject({ reason: 'children' });
    }
  });

  it('refuses to delete an area users are assigned to (409)', async () => {
    const grid = await buildArea(ctx.t.db, 'grid', A.community);
    await buildUser(ctx.t.db, 'grid_worker', { areaId: grid.id });
    const res = await admin.delete(`/api/areas/${grid.id}`);
    expect(res.statusCode).toBe(409);
    expect(ErrorBody.parse(res.json()).error.details).toMatchObject({ reason: 'users' });
  });

  it('street_supervisor: can delete a community only once no organisation is attached to it', async () => {
    const sup = await as('street_supervisor', A.street.id);
    const community = await buildArea(ctx.t.db, 'community', A.street);
    const org = await buildOrg(ctx.t.db, community);
    const refused = await sup.delete(`/api/areas/${community.id}`);
    expect(refused.statusCode).toBe(409);
    expect(ErrorBody.parse(refused.json()).error.details).toMatchObject({ reason: 'orgs' });
    await ctx.t.db.delete(handlerOrgs).where(eq(handlerOrgs.id, org.id));
    expect((await sup.delete(`/api/areas/${community.id}`)).statusCode).toBe(200);
  });

  it('community_admin: can delete an empty building, and the deletion is audited', async () => {
    const building = await buildArea(ctx.t.db, 'building', A.compound, { gridId: A.grid.id });
    const res = await admin.delete(`/api/areas/${building.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect((await admin.get(`/api/areas/${building.id}`)).statusCode).toBe(404);
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'area.delete'), eq(auditLog.entityId, building.id)));
    expect(audit).toMatchObject({ communityId: A.community.id, details: { kind: 'building', code: building.code } });
  });
});
