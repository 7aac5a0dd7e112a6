import { CompoundPropertyDto, CompoundPropertyList, HandlerSuggestions } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, buildArea, buildCommunityTree, buildOrg, useTestApp } from '../../testing/index.js';
import { buildOrderRow, buildService } from '../../testing/order-factories.js';
import { codeOf, issuesOf, registryKit } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let admin: Agent;
let property: Awaited<ReturnType<typeof buildOrg>>;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  admin = await kit.as('community_admin', A.community.id);
  property = await buildOrg(ctx.t.db, A.community, 'property');
});

const url = (compoundId: string) => `/api/compounds/${compoundId}/property`;
const contract = () => ({ orgId: property.id, contractStart: '2026-01-01', contractEnd: '2028-12-31' });

describe('compound property management', () => {
  it('community_admin: can set the company serving a compound with its contract, then mark another as without one', async () => {
    const res = await admin.put(url(A.compound.id), contract());
    expect(res.statusCode, res.body).toBe(200);
    expect(CompoundPropertyDto.parse(res.json())).toMatchObject({
      servedBy: 'property',
      orgId: property.id,
      orgName: property.name,
      contractEnd: '2028-12-31',
    });
    const second = await buildArea(ctx.t.db, 'compound', A.community);
    const none = await admin.put(url(second.id), { orgId: null });
    expect(CompoundPropertyDto.parse(none.json())).toMatchObject({ servedBy: 'community', orgId: null, contractStart: null });
    const list = CompoundPropertyList.parse((await admin.get(`/api/compounds/property?communityId=${A.community.id}`)).json());
    expect(list.items.map((i) => [i.compoundId, i.servedBy, i.abilities])).toEqual([
      [A.compound.id, 'property', ['edit']],
      [second.id, 'community', ['edit']],
    ]);
    expect(await kit.count('audit_log', `action = 'compound_property.update'`)).toBe(2);
  });

  it('grid_worker: can read the compounds of their community but cannot change them (403)', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    const list = CompoundPropertyList.parse((await worker.get('/api/compounds/property')).json());
    expect(list.items.map((i) => i.compoundId)).toContain(A.compound.id);
    expect(list.items.every((i) => i.communityId === A.community.id && i.abilities.length === 0)).toBe(true);
    expect((await worker.put(url(A.compound.id), contract())).statusCode).toBe(403);
  });

  it("community_admin: cannot set another community's compound (404)", async () => {
    const res = await admin.put(url(B.compound.id), contract());
    expect(res.statusCode).toBe(404);
    expect(codeOf(res)).toBe('NOT_FOUND');
  });

  it('community_admin: cannot name a company that is not a property company, or a contract ending before it starts (400, nothing stored)', async () => {
    const before = await kit.count('compound_property');
    const social = await buildOrg(ctx.t.db, A.community, 'social_org');
    const res = await kit.en(admin, 'PUT', url(A.compound.id), {
      orgId: social.id,
      contractStart: '2026-05-01',
      contractEnd: '2026-04-01',
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      { path: 'orgId', message: 'Choose a property company of this street' },
      { path: 'contractEnd', message: 'The contract cannot end before it starts' },
    ]);
    const zh = await admin.put(url(A.compound.id), { orgId: null, contractStart: '2026-01-01' });
    expect(issuesOf(zh)).toEqual([{ path: 'contractStart', message: '无物业小区不填写合同期限' }]);
    expect(await kit.count('compound_property')).toBe(before);
    expect((await admin.put(url(A.compound.id), { orgId: 'nope' })).statusCode).toBe(400);
  });

  it("community_staff: sees the compound's property company first among handler suggestions for a property order", async () => {
    await admin.put(url(A.compound.id), contract());
    const fallback = await buildOrg(ctx.t.db, A.street, 'property');
    const service = await buildService(ctx.t.db, A.street, { category: 'property', defaultHandlerOrgId: fallback.id });
    const order = await buildOrderRow(ctx.t.db, service, A.building);
    const desk = await kit.as('community_staff', A.community.id);
    const items = HandlerSuggestions.parse((await desk.get(`/api/orders/${order.id}/handler-suggestions`)).json()).items;
    expect(items.map((i) => [i.orgId, i.source])).toEqual([
      [property.id, 'property'],
      [fallback.id, 'catalogue'],
    ]);
    await admin.put(url(A.compound.id), { orgId: null });
    const after = HandlerSuggestions.parse((await desk.get(`/api/orders/${order.id}/handler-suggestions`)).json()).items;
    expect(after.map((i) => i.source)).toEqual(['catalogue']);
  });
});
