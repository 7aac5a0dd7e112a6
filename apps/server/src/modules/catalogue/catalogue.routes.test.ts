import { CatalogueDto, ErrorBody, ServiceDto, TIME_LIMIT_PRESETS } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import {
  type Agent,
  TEST_PASSWORD,
  type Tree,
  buildCommunityTree,
  buildOrg,
  buildService,
  buildUser,
  signIn,
  useTestApp,
} from '../../testing/index.js';

const ctx = useTestApp();
const as = async (role: Parameters<typeof buildUser>[1], scope: { areaId?: string; orgId?: string }) => {
  const u = await buildUser(ctx.t.db, role, scope);
  return signIn(ctx.app, u.username, TEST_PASSWORD);
};
const issuePaths = (res: { json: () => unknown }) => ErrorBody.parse(res.json()).error.details?.issues?.map((i) => i.path);
const applianceField = {
  code: 'appliance',
  label: '家电类型',
  type: 'singlevaluelist',
  required: true,
  options: [
    { key: 'ac', name: '空调' },
    { key: 'fridge', name: '冰箱' },
  ],
};
const serviceBody = (over: object = {}) => ({
  code: 'appliance-repair',
  category: 'home_service',
  name: '家电维修',
  fields: [applianceField, { code: 'preferred_at', label: '希望上门时间', type: 'datetime' }],
  timeLimits: TIME_LIMIT_PRESETS.general,
  ...over,
});

describe('service catalogue', () => {
  let A: Tree;
  let B: Tree;
  let sup: Agent;
  let created: ServiceDto;
  beforeAll(async () => {
    A = await buildCommunityTree(ctx.t.db);
    B = await buildCommunityTree(ctx.t.db);
    sup = await as('street_supervisor', { areaId: A.street.id });
  });

  it('street_supervisor: can add a service with fields and a default organisation of the street', async () => {
    const org = await buildOrg(ctx.t.db, A.community, 'property');
    const res = await sup.post('/api/services', serviceBody({ defaultHandlerOrgId: org.id, emergency: false }));
    expect(res.statusCode).toBe(201);
    created = ServiceDto.parse(res.json());
    expect(created).toMatchObject({
      streetId: A.street.id,
      defaultHandlerOrgName: org.name,
      abilities: { canEdit: true },
      fields: [
        { code: 'appliance', required: true, hint: '' },
        { code: 'preferred_at', required: false, options: [] },
      ],
    });
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'catalogue.create'), eq(auditLog.entityId, created.id)));
    expect(audit).toMatchObject({ streetId: A.street.id });
  });

  it('street_supervisor: cannot reuse a code in the same street (409 on code)', async () => {
    const res = await sup.post('/api/services', serviceBody({ name: '又一个' }));
    expect(res.statusCode).toBe(409);
    expect(issuePaths(res)).toEqual(['code']);
  });

  it('street_supervisor: gets field-level 400s for a bad field code, a list without options, a foreign org', async () => {
    const badCode = await sup.post('/api/services', serviceBody({ code: 'x1', fields: [{ ...applianceField, code: 'Bad Code' }] }));
    expect(badCode.statusCode).toBe(400);
    expect(issuePaths(badCode)).toContain('fields.0.code');
    const noOptions = await sup.post('/api/services', serviceBody({ code: 'x2', fields: [{ ...applianceField, options: [] }] }));
    expect(noOptions.statusCode).toBe(400);
    expect(issuePaths(noOptions)).toContain('fields.0.options');
    const twice = await sup.post('/api/services', serviceBody({ code: 'x3', fields: [applianceField, applianceField] }));
    expect(twice.statusCode).toBe(400);
    expect(issuePaths(twice)).toEqual(['fields.1.code']);
    const foreign = await buildOrg(ctx.t.db, B.community, 'property');
    const elsewhere = await sup.post('/api/services', serviceBody({ code: 'x4', defaultHandlerOrgId: foreign.id }));
    expect(elsewhere.statusCode).toBe(400);
    expect(issuePaths(elsewhere)).toEqual(['defaultHandlerOrgId']);
    const list = CatalogueDto.parse((await sup.get('/api/catalogue')).json());
    expect(list.categories.flatMap((c) => c.services).map((s) => s.code)).toEqual(['appliance-repair']);
  });

  it('street_supervisor: can edit limits and deactivate; residents then no longer see the service', async () => {
    const res = await sup.patch(`/api/services/${created.id}`, { timeLimits: TIME_LIMIT_PRESETS.utility, emergency: true, active: false });
    expect(res.statusCode).toBe(200);
    const edited = ServiceDto.parse(res.json());
    expect(edited).toMatchObject({ emergency: true, active: false, timeLimits: { handleHours: 24 } });
    // a partial update leaves what it does not name alone
    expect(edited.fields).toEqual(created.fields);
    expect(edited.defaultHandlerOrgId).toBe(created.defaultHandlerOrgId);
    const resident = await as('resident', { areaId: A.building.id });
    const cat = CatalogueDto.parse((await resident.get('/api/catalogue')).json());
    expect(cat.categories.flatMap((c) => c.services)).toHaveLength(0);
    expect((await resident.get(`/api/services/${created.id}`)).statusCode).toBe(404);
    const editorView = CatalogueDto.parse((await sup.get('/api/catalogue')).json());
    expect(editorView.categories.find((c) => c.code === 'home_service')!.services.map((s) => s.active)).toEqual([false]);
    await sup.patch(`/api/services/${created.id}`, { active: true });
  });

  it('resident, handler_staff: can read their street catalogue in six categories, without edit rights', async () => {
    const resident = await as('resident', { areaId: A.building.id });
    const org = await buildOrg(ctx.t.db, A.street, 'street_dept');
    const handler = await as('handler_staff', { orgId: org.id });
    for (const agent of [resident, handler]) {
      const res = await agent.get('/api/catalogue');
      expect(res.statusCode).toBe(200);
      const cat = CatalogueDto.parse(res.json());
      expect(cat.street.id).toBe(A.street.id);
      expect(cat.categories.map((c) => c.code)).toEqual(['property', 'home_service', 'renovation', 'mediation', 'volunteer', 'social_org']);
      expect(cat.abilities.canCreate).toBe(false);
      expect(ServiceDto.parse((await agent.get(`/api/services/${created.id}`)).json()).abilities.canEdit).toBe(false);
    }
  });

  it('community_staff: cannot edit the catalogue (403)', async () => {
    const staff = await as('community_staff', { areaId: A.community.id });
    expect((await staff.patch(`/api/services/${created.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await staff.post('/api/services', serviceBody({ code: 'staff-made' }))).statusCode).toBe(403);
  });

  it("street_supervisor: gets 404 for another street's service and catalogue", async () => {
    const other = await buildService(ctx.t.db, B.street, { code: 'other-street' });
    expect((await sup.get(`/api/services/${other.id}`)).statusCode).toBe(404);
    expect((await sup.patch(`/api/services/${other.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await sup.get(`/api/catalogue?streetId=${B.street.id}`)).statusCode).toBe(404);
  });

  it('system_admin: can read any street with streetId', async () => {
    const admin = await as('system_admin', { areaId: B.district.id });
    const res = await admin.get(`/api/catalogue?streetId=${A.street.id}`);
    expect(res.statusCode).toBe(200);
    expect(CatalogueDto.parse(res.json()).abilities.canCreate).toBe(true);
  });
});
