import { CARE_TAG_LABELS, CARE_TAG_VISIT_DAYS, CareTag, CareTagDto, CareTagListDto, HouseholdDto } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { type Agent, type Tree, buildCommunityTree, buildFlat, buildHousehold, useTestApp } from '../../testing/index.js';
import { issuesOf, registryKit } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let admin: Agent;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  admin = await kit.as('community_admin', A.community.id);
});

const list = async (agent: Agent, communityId?: string) => {
  const res = await agent.get(`/api/care-tags${communityId ? `?communityId=${communityId}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return CareTagListDto.parse(res.json());
};

describe('care tags', () => {
  it('grid_worker: reads the defaults of their community, in contract order', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    const dto = await list(worker);
    expect(dto.communityId).toBe(A.community.id);
    expect(dto.canEdit).toBe(false);
    expect(dto.items.map((t) => t.code)).toEqual(CareTag.options);
    expect(dto.items[0]).toEqual({
      code: 'elderly_alone',
      labelZh: CARE_TAG_LABELS.elderly_alone['zh-CN'],
      labelEn: CARE_TAG_LABELS.elderly_alone.en,
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      appliesTo: 'both',
      visitEveryDays: CARE_TAG_VISIT_DAYS.elderly_alone,
      builtIn: true,
      active: true,
    });
  });

  it("community_admin: can change a built-in tag's label, colour and visit frequency for their community only", async () => {
    const res = await admin.put(`/api/care-tags/elderly_alone?communityId=${A.community.id}`, {
      labelZh: '独居',
      color: '#123456',
      visitEveryDays: 3,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(CareTagDto.parse(res.json())).toMatchObject({
      code: 'elderly_alone',
      labelZh: '独居',
      labelEn: 'Elderly living alone',
      visitEveryDays: 3,
    });
    expect((await list(admin)).items[0]).toMatchObject({ labelZh: '独居', color: '#123456', visitEveryDays: 3, builtIn: true });
    const sup = await kit.as('street_supervisor', A.street.id);
    expect((await list(sup, B.community.id)).items[0]).toMatchObject({ labelZh: '独居老人', visitEveryDays: 7 });
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'care_tag.update'), eq(auditLog.communityId, A.community.id)));
    expect(audit!.details).toMatchObject({ code: 'elderly_alone', fields: ['labelZh', 'color', 'visitEveryDays'] });
  });

  it('community_admin: can add a custom tag (it needs a Chinese label), then put it on a household; a switched-off tag cannot be newly given', async () => {
    const missing = await kit.en(admin, 'PUT', '/api/care-tags/flood_risk', { appliesTo: 'household' });
    expect(missing.statusCode).toBe(400);
    expect(issuesOf(missing)).toEqual([{ path: 'labelZh', message: 'A new care tag needs a Chinese label' }]);
    const res = await admin.put('/api/care-tags/flood_risk', { labelZh: '易涝户', appliesTo: 'household', visitEveryDays: 30 });
    expect(CareTagDto.parse(res.json())).toMatchObject({
      code: 'flood_risk',
      labelEn: '易涝户',
      builtIn: false,
      active: true,
      appliesTo: 'household',
    });
    expect((await list(admin)).items.at(-1)!.code).toBe('flood_risk');

    const staff = await kit.as('community_staff', A.community.id);
    const flat = await buildFlat(ctx.t.db, A.building);
    const created = await staff.post('/api/households', {
      flatId: flat.id,
      tags: ['flood_risk'],
      members: [{ name: '甲', relation: '02' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(HouseholdDto.parse(created.json()).tags).toEqual(['flood_risk']);
    const asPerson = await buildHousehold(ctx.t.db, A.building);
    expect((await staff.patch(`/api/residents/${asPerson.members[0]!.id}`, { tags: ['flood_risk'] })).statusCode).toBe(400);

    await admin.put('/api/care-tags/key_care', { active: false });
    const h = await buildHousehold(ctx.t.db, A.building, { tags: ['key_care'] });
    expect((await staff.patch(`/api/households/${h.id}`, { tags: ['key_care', 'low_income'] })).statusCode).toBe(200);
    const other = await buildHousehold(ctx.t.db, A.building);
    expect(issuesOf(await staff.patch(`/api/households/${other.id}`, { tags: ['key_care'] })).map((i) => i.path)).toEqual(['tags']);
  });

  it('community_staff: cannot change care tags (403)', async () => {
    const staff = await kit.as('community_staff', A.community.id);
    expect((await staff.put('/api/care-tags/disabled', { visitEveryDays: 10 })).statusCode).toBe(403);
  });

  it("community_admin: cannot read or change another community's tags (404)", async () => {
    expect((await admin.get(`/api/care-tags?communityId=${B.community.id}`)).statusCode).toBe(404);
    expect((await admin.put(`/api/care-tags/disabled?communityId=${B.community.id}`, { visitEveryDays: 10 })).statusCode).toBe(404);
    expect((await admin.get(`/api/care-tags?communityId=${A.building.id}`)).statusCode).toBe(404);
  });

  it('street_supervisor: can change a tag of a community in the street, naming it', async () => {
    const sup = await kit.as('street_supervisor', A.street.id);
    expect((await sup.put('/api/care-tags/disabled', { visitEveryDays: 10 })).statusCode).toBe(400);
    const res = await sup.put(`/api/care-tags/disabled?communityId=${B.community.id}`, { visitEveryDays: 10 });
    expect(CareTagDto.parse(res.json()).visitEveryDays).toBe(10);
  });

  it('rejects a malformed code or colour (400)', async () => {
    expect((await admin.put('/api/care-tags/Bad-Code', { labelZh: 'x' })).statusCode).toBe(400);
    expect((await admin.put('/api/care-tags/disabled', { color: 'red' })).statusCode).toBe(400);
  });
});
