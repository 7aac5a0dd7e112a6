import { NotificationList, VoteTopicDto } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import { type Tree, buildCommunityTree, buildHousehold, useTestApp } from '../../testing/index.js';
import { person } from '../mediation/test-kit.js';
import { registryKit } from '../registry/test-kit.js';
import { REPRESENTATIVE_TAG } from './eligibility.js';
import { parkingTopic, residentHousehold } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let staff: Awaited<ReturnType<typeof person>>;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await person(ctx, 'community_staff', A.community.id);
});

const closeNow = (id: string) => ctx.t.pool.query(`UPDATE consultations SET closes_at = now() - interval '1 minute' WHERE id = $1`, [id]);
const inbox = async (agent: Awaited<ReturnType<typeof residentHousehold>>['agent']) =>
  NotificationList.parse((await agent.get('/api/notifications')).json()).items.filter((n) => n.kind === 'consultation_published');

async function openTopic(extra: Record<string, unknown> = {}) {
  const res = await staff.post('/api/consultations', parkingTopic(A.compound.id, extra));
  expect(res.statusCode, res.body).toBe(200);
  return VoteTopicDto.parse(res.json());
}

describe('published results reach the residents concerned (议事协商结果公布)', () => {
  it("resident: is notified in their language when a topic of their compound is published; others' residents are not", async () => {
    const c = await openTopic();
    const zh = await residentHousehold(ctx, A.building);
    const en = await residentHousehold(ctx, A.building);
    await ctx.t.db.update(users).set({ locale: 'en' }).where(eq(users.residentId, en.head.id));
    const outsider = await residentHousehold(ctx, B.building);
    await buildHousehold(ctx.t.db, A.building); // a household without a portal account: counted, not notified
    await zh.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'rotation' });
    await en.agent.post(`/api/consultations/${c.id}/votes`, { optionKey: 'rotation' });
    expect(await inbox(zh.agent)).toEqual([]);
    await closeNow(c.id);
    const pub = await staff.post(`/api/consultations/${c.id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    const eligible = VoteTopicDto.parse(pub.json()).eligibleCount;

    const [mine] = await inbox(zh.agent);
    expect(mine).toMatchObject({ title: '议事协商结果已公布：地面车位分配方案', orderId: null, read: false });
    expect(mine!.body).toBe(`${eligible} 户中 2 户参与投票。结果：按季度轮换（2 票）。详见「议事协商 · 投票」。`);
    const [theirs] = await inbox(en.agent);
    expect(theirs!.title).toBe('Consultation results published: 地面车位分配方案');
    expect(theirs!.body).toMatch(/^2 of \d+ households voted\. Result: 按季度轮换 \(2 votes\)/);
    expect(await inbox(outsider.agent)).toEqual([]);
    const audit = await ctx.t.pool.query(`SELECT details FROM audit_log WHERE action = 'consultation.publish' AND entity_id = $1`, [c.id]);
    expect(audit.rows[0]?.details).toMatchObject({ notified: 2, votes: 2 });
  });

  it('resident: a representatives-only topic notifies only the representatives; a failed publication notifies nobody', async () => {
    const c = await openTopic({ eligibility: 'representatives', areaId: A.community.id, quorum: 5 });
    const rep = await residentHousehold(ctx, A.building, [REPRESENTATIVE_TAG]);
    const plain = await residentHousehold(ctx, A.building);
    const before = await kit.count('notifications');
    expect((await staff.post(`/api/consultations/${c.id}/publish`)).statusCode).toBe(409); // still open
    expect(await kit.count('notifications')).toBe(before);
    await closeNow(c.id);
    expect((await staff.post(`/api/consultations/${c.id}/publish`)).statusCode).toBe(200);
    const [note] = await inbox(rep.agent);
    expect(note!.body).toMatch(/中 0 户参与投票。未形成结果。/);
    expect(await inbox(plain.agent)).toEqual([]);
    expect((await staff.post(`/api/consultations/${c.id}/publish`)).statusCode).toBe(409);
    expect(await inbox(rep.agent)).toHaveLength(1);
  });
});
