import { ResidentSearchItem, RevealDto } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { type Agent, type AreaRow, type Tree, buildArea, buildCommunityTree, buildHousehold, useTestApp } from '../../testing/index.js';
import { codeOf, issuesOf, registryKit } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let building2: AreaRow;
let worker: Agent;
let leader: Agent;

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  const grid2 = await buildArea(ctx.t.db, 'grid', A.community, { name: '二网格' });
  building2 = await buildArea(ctx.t.db, 'building', A.compound, { gridId: grid2.id });
  worker = await kit.as('grid_worker', A.grid.id);
  leader = await kit.as('building_leader', A.building.id);
});

const reveal = (agent: Agent, residentId: string, body: Record<string, unknown>) => agent.post(`/api/residents/${residentId}/reveal`, body);
const reveals = (residentId: string) =>
  ctx.t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'registry.reveal'), eq(auditLog.entityId, residentId)));

describe("a grid worker revealing a resident's phone", () => {
  it('grid_worker: can reveal the phone of a resident in their own grid with a reason; the reveal is audited', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { head: { name: '孙桂兰', phone: '13612345678' } });
    const r = h.members[0]!;
    const res = await reveal(worker, r.id, { fields: ['phone'], reason: '走访前电话联系' });
    expect(res.statusCode, res.body).toBe(200);
    expect(RevealDto.parse(res.json())).toEqual({ phone: '13612345678' });
    const [audit] = await reveals(r.id);
    expect(audit).toMatchObject({
      entityType: 'resident',
      communityId: A.community.id,
      details: { fields: ['phone'], reason: '走访前电话联系' },
    });
    const dto = ResidentSearchItem.parse((await worker.get(`/api/residents/${r.id}`)).json());
    expect(dto.abilities).toMatchObject({ canReveal: false, canRevealPhone: true });
  });

  it('grid_worker: cannot reveal an ID number, nor the phone together with it (403), and nothing is audited', async () => {
    const h = await buildHousehold(ctx.t.db, A.building);
    const r = h.members[0]!;
    expect((await reveal(worker, r.id, { fields: ['idNumber'], reason: '核对身份信息' })).statusCode).toBe(403);
    expect((await reveal(worker, r.id, { fields: ['phone', 'idNumber'], reason: '核对身份信息' })).statusCode).toBe(403);
    expect(await reveals(r.id)).toHaveLength(0);
  });

  it('grid_worker: cannot reveal in another grid or another community (404, whatever the reason)', async () => {
    const otherGrid = await buildHousehold(ctx.t.db, building2);
    const otherCommunity = await buildHousehold(ctx.t.db, B.building);
    for (const h of [otherGrid, otherCommunity]) {
      const res = await reveal(worker, h.members[0]!.id, { fields: ['phone'], reason: '走访前电话联系' });
      expect(res.statusCode).toBe(404);
      expect(await reveals(h.members[0]!.id)).toHaveLength(0);
    }
  });

  it('grid_worker: must give a reason (400 on the reason field, nothing revealed or audited)', async () => {
    const h = await buildHousehold(ctx.t.db, A.building);
    const r = h.members[0]!;
    const res = await reveal(worker, r.id, { fields: ['phone'], reason: ' ' });
    expect(res.statusCode).toBe(400);
    expect(codeOf(res)).toBe('VALIDATION');
    expect(issuesOf(res).map((i) => i.path)).toContain('reason');
    expect(res.body).not.toContain(r.phone);
    expect(await reveals(r.id)).toHaveLength(0);
  });

  it('building_leader: cannot reveal a phone in their own building (403)', async () => {
    const h = await buildHousehold(ctx.t.db, A.building);
    expect((await reveal(leader, h.members[0]!.id, { fields: ['phone'], reason: '楼栋联系住户' })).statusCode).toBe(403);
  });
});
