import { CompoundPropertyList, ConsultationList, LegalRosterDto, MediationCaseDto, MediationCaseList, TimelineDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, TEST_PASSWORD, signIn, testPii, useTestApp } from '../testing/index.js';
import { seedDemo } from './index.js';

const NOW = new Date(Date.UTC(2026, 5, 1));
const ctx = useTestApp();
let street: Agent;
let staff: Agent;
const community = async (name: string) =>
  (await ctx.t.pool.query<{ id: string }>(`SELECT id FROM area_nodes WHERE name = $1`, [name])).rows[0]!.id;

beforeAll(async () => {
  await seedDemo({ db: ctx.t.db, pii: testPii, password: TEST_PASSWORD, log: () => {}, now: NOW });
  street = await signIn(ctx.app, 'street', TEST_PASSWORD);
  staff = await signIn(ctx.app, 'anping-staff', TEST_PASSWORD);
}, 180_000);

const allCases = async (agent: Agent) => MediationCaseList.parse((await agent.get('/api/mediation/cases?pageSize=100')).json());
const tally = (values: string[]) => Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));

describe('demo property management and mediation, read through the API', () => {
  it("Anping's compounds carry the seed's names; 竹西新村 and 金色花园 have no property company", async () => {
    const list = CompoundPropertyList.parse(
      (await street.get(`/api/compounds/property?communityId=${await community('安平社区')}`)).json(),
    );
    expect(list.items.map((i) => [i.compoundName, i.servedBy, i.orgName])).toEqual([
      ['鸿福家园', 'property', '安平物业'],
      ['竹西新村', 'community', null],
      ['佳竹苑', 'property', '康居物业'],
      ['金色花园', 'community', null],
    ]);
  });

  it('Anping mediated 40 disputes in the year, 8 opened from orders: 31 agreed, 4 without agreement, 2 withdrawn, 3 open', async () => {
    const { items, total } = await allCases(street);
    expect(total).toBe(40);
    expect(tally(items.map((i) => i.status))).toEqual({ agreed: 31, failed: 4, open: 3, withdrawn: 2 });
    expect(tally(items.map((i) => i.kind))).toEqual({ family: 2, neighbour: 6, parking: 16, property_fee: 12, renovation_noise: 4 });
    expect(items.filter((i) => i.orderId).length).toBe(8);
    expect(items.filter((i) => i.escalatedAt).length).toBe(1);
    expect((await allCases(staff)).total).toBe(40);
  });

  it("the mediator reads the parties in full, the street masked; an order's timeline carries the case's result", async () => {
    const { items } = await allCases(street);
    const fromOrder = items.find((i) => i.orderId && i.status === 'agreed')!;
    const masked = MediationCaseDto.parse((await street.get(`/api/mediation/cases/${fromOrder.id}`)).json());
    const full = MediationCaseDto.parse((await staff.get(`/api/mediation/cases/${fromOrder.id}`)).json());
    const resident = full.parties.findIndex((p) => p.kind === 'resident');
    expect(masked.parties[resident]!.name).toMatch(/\*$/);
    expect(masked.parties[resident]!.phone).toBeNull();
    expect(full.parties[resident]!.name).not.toMatch(/\*/);
    expect(full.agreements.map((a) => a.status)).toEqual(['signed']);
    const timeline = TimelineDto.parse((await staff.get(`/api/orders/${fromOrder.orderId}/timeline`)).json()).items;
    expect(timeline.some((e) => e.text.includes(`${fromOrder.caseNo} 已结案（达成协议）`))).toBe(true);
  });

  it("Anping's own legal service center has lawyers on duty six days a week and recorded 96 consultations in the year", async () => {
    const roster = LegalRosterDto.parse((await staff.get('/api/legal/roster')).json());
    expect(roster.center?.name).toBe('安平社区公益法律服务中心');
    expect(roster.slots.map((s) => s.weekday)).toEqual([1, 2, 3, 4, 5, 6]);
    const list = ConsultationList.parse((await street.get('/api/legal/consultations?pageSize=100')).json());
    expect(list.total).toBe(96);
    expect(list.items.every((c) => c.residentName === null || c.residentName.endsWith('*'))).toBe(true);
    const resident = await signIn(ctx.app, 'resident', TEST_PASSWORD);
    const theirs = LegalRosterDto.parse((await resident.get('/api/legal/roster')).json());
    expect(theirs.center?.name).toBe('竹西街道公益法律服务中心');
    expect(theirs.slots).toHaveLength(2);
  });
});
