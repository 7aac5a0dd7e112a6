import { ErrorBody, HandlerOrgDto, HandlerOrgListDto } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { type Agent, TEST_PASSWORD, type Tree, buildCommunityTree, buildOrg, buildUser, signIn, useTestApp } from '../../testing/index.js';

const ctx = useTestApp();
const as = async (role: Parameters<typeof buildUser>[1], scope: { areaId?: string; orgId?: string }) => {
  const u = await buildUser(ctx.t.db, role, scope);
  return signIn(ctx.app, u.username, TEST_PASSWORD);
};
const names = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/orgs${query}`);
  expect(res.statusCode).toBe(200);
  return HandlerOrgListDto.parse(res.json())
    .items.map((o) => o.name)
    .sort();
};
const issuePaths = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error.details?.issues?.map((i) => i.path);

describe('handler organisations', () => {
  let A: Tree;
  let B: Tree;
  let C: Tree;
  let sup: Agent;
  let streetOrg: HandlerOrgDto;
  let orgA: HandlerOrgDto;
  let orgB: HandlerOrgDto;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    B = await buildCommunityTree(ctx.t.db, A.street);
    C = await buildCommunityTree(ctx.t.db);
    sup = await as('street_supervisor', { areaId: A.street.id });
  });

  it('street_supervisor: can add organisations to their street and its communities', async () => {
    const create = async (body: object) => {
      const res = await sup.post('/api/orgs', body);
      expect(res.statusCode).toBe(201);
      return HandlerOrgDto.parse(res.json());
    };
    streetOrg = await create({ kind: 'street_dept', name: '街道城管科', areaId: A.street.id });
    orgA = await create({ kind: 'property', name: '安平物业', phone: '0514-87654321', areaId: A.community.id });
    orgB = await create({ kind: 'property', name: '绿扬物业', areaId: B.community.id });
    expect(orgA).toMatchObject({
      areaId: A.community.id,
      areaName: A.community.name,
      phone: '0514-87654321',
      abilities: { canEdit: true },
    });
    expect(streetOrg.phone).toBeNull();
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'org.create'), eq(auditLog.entityId, orgA.id)));
    expect(audit).toMatchObject({ streetId: A.street.id, communityId: A.community.id });
  });

  it("community_staff: can list their community's and their street's organisations, not another community's", async () => {
    const staffA = await as('community_staff', { areaId: A.community.id });
    expect(await names(staffA)).toEqual(['安平物业', '街道城管科']);
    const staffB = await as('community_staff', { areaId: B.community.id });
    expect(await names(staffB)).toEqual(['绿扬物业', '街道城管科']);
    const list = HandlerOrgListDto.parse((await staffA.get('/api/orgs')).json()).items;
    expect(list.every((o) => !o.abilities.canEdit)).toBe(true);
  });

  it('filters by kind and by the area served', async () => {
    const staffA = await as('community_staff', { areaId: A.community.id });
    expect(await names(staffA, '?kind=property')).toEqual(['安平物业']);
    expect(await names(sup, `?areaId=${A.building.id}`)).toEqual(['安平物业', '街道城管科']);
    expect(await names(sup, `?areaId=${B.community.id}&kind=property`)).toEqual(['绿扬物业']);
  });

  it('handler_staff: can see their own organisation only', async () => {
    const own = await buildOrg(ctx.t.db, A.community);
    const staff = await as('handler_staff', { orgId: own.id });
    expect(await names(staff)).toEqual([own.name]);
  });

  it('street_supervisor: can rename an organisation and clear its phone', async () => {
    const res = await sup.patch(`/api/orgs/${orgA.id}`, { name: '安平物业服务中心', phone: '' });
    expect(res.statusCode).toBe(200);
    orgA = HandlerOrgDto.parse(res.json());
    expect(orgA).toMatchObject({ name: '安平物业服务中心', phone: null, kind: 'property' });
  });

  it('answers 409 with an issue on name for a duplicate name on the same area', async () => {
    const dup = await sup.post('/api/orgs', { kind: 'social_org', name: orgA.name, areaId: A.community.id });
    expect(dup.statusCode).toBe(409);
    expect(issuePaths(dup)).toEqual(['name']);
    const other = await sup.post('/api/orgs', { kind: 'social_org', name: '社工站', areaId: A.community.id });
    const rename = await sup.patch(`/api/orgs/${HandlerOrgDto.parse(other.json()).id}`, { name: orgA.name });
    expect(rename.statusCode).toBe(409);
    expect(issuePaths(rename)).toEqual(['name']);
  });

  it('rejects an organisation attached to a grid (400)', async () => {
    const res = await sup.post('/api/orgs', { kind: 'volunteer_team', name: '红管家', areaId: A.grid.id });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toEqual(['areaId']);
  });

  it('community_admin: cannot create or edit organisations in their community (403)', async () => {
    const admin = await as('community_admin', { areaId: A.community.id });
    expect((await admin.post('/api/orgs', { kind: 'property', name: '新物业', areaId: A.community.id })).statusCode).toBe(403);
    expect((await admin.patch(`/api/orgs/${orgA.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await admin.delete(`/api/orgs/${orgA.id}`)).statusCode).toBe(403);
  });

  it("community_staff: cannot touch another community's organisation (404)", async () => {
    const staffA = await as('community_staff', { areaId: A.community.id });
    expect((await staffA.patch(`/api/orgs/${orgB.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await staffA.delete(`/api/orgs/${orgB.id}`)).statusCode).toBe(404);
  });

  it("street_supervisor: cannot see or touch another street's organisations (404)", async () => {
    const foreign = await buildOrg(ctx.t.db, C.community);
    expect(await names(sup)).not.toContain(foreign.name);
    expect((await sup.patch(`/api/orgs/${foreign.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await sup.post('/api/orgs', { kind: 'utility', name: '自来水', areaId: C.community.id })).statusCode).toBe(404);
  });

  it('street_supervisor: cannot delete an organisation users are assigned to (409), can delete an unused one', async () => {
    const used = await buildOrg(ctx.t.db, A.community);
    await buildUser(ctx.t.db, 'handler_staff', { orgId: used.id });
    const refused = await sup.delete(`/api/orgs/${used.id}`);
    expect(refused.statusCode).toBe(409);
    expect(ErrorBody.parse(refused.json()).error.details).toMatchObject({ reason: 'users' });
    expect((await sup.delete(`/api/orgs/${orgB.id}`)).statusCode).toBe(200);
    expect(await names(sup)).not.toContain(orgB.name);
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'org.delete'), eq(auditLog.entityId, orgB.id)));
    expect(audit).toMatchObject({ streetId: A.street.id, communityId: B.community.id });
  });

  it('resident: cannot list organisations (403)', async () => {
    const resident = await as('resident', { areaId: A.building.id });
    expect((await resident.get('/api/orgs')).statusCode).toBe(403);
  });
});
