import { MediationCaseDto, MediationCaseList, TimelineDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tree, buildCommunityTree, useTestApp } from '../../testing/index.js';
import { buildOrderRow, buildService } from '../../testing/order-factories.js';
import { MASKED_PHONE, codeOf, issuesOf, registryKit } from '../registry/test-kit.js';
import { TERMS, openBody, person, twoParties } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let mediator: Awaited<ReturnType<typeof person>>;
let second: Awaited<ReturnType<typeof person>>;
let supervisor: Awaited<ReturnType<typeof person>>;
let parties: Awaited<ReturnType<typeof twoParties>>;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  mediator = await person(ctx, 'community_staff', A.community.id);
  second = await person(ctx, 'community_staff', A.community.id);
  supervisor = await person(ctx, 'community_admin', A.community.id);
  parties = await twoParties(ctx, A);
});

const ids = () => [parties[0].id, parties[1].id] as const;
const open = async (extra: Record<string, unknown> = {}) => {
  const res = await mediator.post('/api/mediation/cases', openBody(ids(), [mediator.id], { communityId: A.community.id, ...extra }));
  expect(res.statusCode, res.body).toBe(200);
  return MediationCaseDto.parse(res.json());
};

describe('mediation cases', () => {
  it('community_staff: can open a case from an order, record a session, sign the agreement, close it and the order hears the result', async () => {
    const service = await buildService(ctx.t.db, A.street, { category: 'mediation' });
    const order = await buildOrderRow(ctx.t.db, service, A.building);
    const c = await open({ communityId: undefined, orderId: order.id });
    expect(c).toMatchObject({
      status: 'open',
      orderId: order.id,
      communityId: A.community.id,
      abilities: ['record', 'draft_agreement', 'close'],
    });
    expect(c.caseNo).toMatch(/^TJ\d{12}-\d{4}-0001$/);
    expect(new Date(c.dueAt).getTime() - new Date(c.openedAt).getTime()).toBe(30 * 86_400_000);
    expect(c.parties.map((p) => p.name)).toEqual(['王建国', '李秀英']);
    expect(c.parties[0]!.phone).toMatch(MASKED_PHONE);
    expect(c.mediators).toEqual([{ id: mediator.id, name: expect.any(String), presiding: true }]);
    const s = await mediator.post(`/api/mediation/cases/${c.id}/sessions`, {
      heldAt: '2026-03-02T09:00:00+08:00',
      place: '社区调解室',
      notes: '双方陈述',
    });
    expect(MediationCaseDto.parse(s.json()).sessions).toHaveLength(1);
    const drafted = MediationCaseDto.parse((await mediator.post(`/api/mediation/cases/${c.id}/agreements`, TERMS)).json());
    const draft = drafted.agreements[0]!;
    expect(draft).toMatchObject({ version: 1, status: 'draft', abilities: ['edit', 'sign'] });
    const signed = MediationCaseDto.parse((await mediator.post(`/api/mediation/agreements/${draft.id}/sign`)).json());
    expect(signed.agreements[0]).toMatchObject({ status: 'signed', abilities: [] });
    const closed = await mediator.post(`/api/mediation/cases/${c.id}/close`, { outcome: 'agreed', summary: '双方达成协议' });
    expect(MediationCaseDto.parse(closed.json())).toMatchObject({ status: 'agreed', abilities: ['follow_up'] });
    const timeline = TimelineDto.parse((await mediator.get(`/api/orders/${order.id}/timeline`)).json()).items;
    expect(timeline.map((e) => e.text).join('\n')).toContain(`${c.caseNo} 已结案（达成协议）：双方达成协议`);
    const visit = await mediator.post(`/api/mediation/cases/${c.id}/follow-ups`, {
      visitedOn: '2026-04-01',
      performed: true,
      notes: '已按协议施工',
    });
    expect(MediationCaseDto.parse(visit.json()).followUps).toHaveLength(1);
  });

  it('community_staff: cannot edit a signed agreement (409), only supersede it with a new version', async () => {
    const c = await open();
    const first = MediationCaseDto.parse((await mediator.post(`/api/mediation/cases/${c.id}/agreements`, TERMS)).json()).agreements[0]!;
    expect((await mediator.post(`/api/mediation/cases/${c.id}/agreements`, TERMS)).statusCode).toBe(409);
    await mediator.post(`/api/mediation/agreements/${first.id}/sign`);
    const edit = await kit.en(mediator, 'PUT', `/api/mediation/agreements/${first.id}`, { ...TERMS, agreed: '改' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('A signed agreement cannot be changed, only superseded by a new one');
    const v2 = MediationCaseDto.parse(
      (await mediator.post(`/api/mediation/cases/${c.id}/agreements`, { ...TERMS, agreed: '新条款' })).json(),
    ).agreements[1]!;
    expect(v2).toMatchObject({ version: 2, status: 'draft', supersedesId: first.id });
    const after = MediationCaseDto.parse((await mediator.post(`/api/mediation/agreements/${v2.id}/sign`)).json());
    expect(after.agreements.map((a) => [a.version, a.status, a.terms.agreed])).toEqual([
      [1, 'superseded', TERMS.agreed],
      [2, 'signed', '新条款'],
    ]);
  });

  it("community_admin: can read the community's cases with the parties masked, but cannot record a session (403)", async () => {
    const c = await open();
    const seen = MediationCaseDto.parse((await supervisor.get(`/api/mediation/cases/${c.id}`)).json());
    expect(seen.parties.map((p) => [p.name, p.phone, p.address])).toEqual([
      ['王*', null, null],
      ['李*', null, null],
    ]);
    expect(seen.abilities).toEqual([]);
    const list = MediationCaseList.parse((await supervisor.get('/api/mediation/cases')).json());
    expect(list.items.map((i) => i.id)).toContain(c.id);
    expect(
      (await supervisor.post(`/api/mediation/cases/${c.id}/sessions`, { heldAt: '2026-03-02T09:00:00Z', place: 'x', notes: 'y' }))
        .statusCode,
    ).toBe(403);
  });

  it('community_staff: cannot read a case they do not mediate (404), nor list it', async () => {
    const c = await open();
    expect((await second.get(`/api/mediation/cases/${c.id}`)).statusCode).toBe(404);
    expect(MediationCaseList.parse((await second.get('/api/mediation/cases')).json()).items).toEqual([]);
  });

  it("resident: cannot read the case they are a party to (404), so not the other party's data", async () => {
    const c = await open();
    const resident = await person(ctx, 'resident', A.building.id);
    const res = await resident.get(`/api/mediation/cases/${c.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('李秀英');
    expect((await resident.post('/api/mediation/cases', openBody(ids(), [resident.id], { communityId: A.community.id }))).statusCode).toBe(
      403,
    );
  });

  it('community_admin: cannot read or open a case in another community (404)', async () => {
    const c = await open();
    const other = await person(ctx, 'community_admin', B.community.id);
    expect((await other.get(`/api/mediation/cases/${c.id}`)).statusCode).toBe(404);
    const res = await other.post('/api/mediation/cases', openBody(ids(), [other.id], { communityId: A.community.id }));
    expect(res.statusCode).toBe(404);
  });

  it('community_staff: cannot open a case with parties from elsewhere, one side only or a mediator of another community (400, nothing stored)', async () => {
    const before = await kit.count('mediation_cases');
    const [stranger] = await twoParties(ctx, B);
    const outsider = await person(ctx, 'community_staff', B.community.id);
    const body = openBody([stranger.id, parties[1].id], [mediator.id, outsider.id], { communityId: A.community.id });
    body.parties[1]!.side = 'applicant';
    const res = await kit.en(mediator, 'POST', '/api/mediation/cases', body);
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      { path: 'parties.0.residentId', message: 'This party is not in the registry of the community' },
      { path: 'parties', message: 'A case needs an applicant and a respondent' },
      { path: 'mediatorIds.1', message: 'A mediator must be one of the community’s mediation staff' },
    ]);
    const zh = await mediator.post('/api/mediation/cases', openBody(ids(), [mediator.id]));
    expect(issuesOf(zh)).toEqual([{ path: 'communityId', message: '请选择社区或来源工单' }]);
    expect((await mediator.post('/api/mediation/cases', { ...openBody(ids(), [mediator.id]), kind: 'brawl' })).statusCode).toBe(400);
    expect(await kit.count('mediation_cases')).toBe(before);
  });

  it('community_staff: cannot close as agreed without a signed agreement (400), nor act on a closed case (409)', async () => {
    const c = await open();
    const res = await mediator.post(`/api/mediation/cases/${c.id}/close`, { outcome: 'agreed', summary: '达成' });
    expect(issuesOf(res)).toEqual([{ path: 'outcome', message: '达成协议结案须有已签署的调解协议' }]);
    await mediator.post(`/api/mediation/cases/${c.id}/close`, { outcome: 'failed', summary: '告知可向法院起诉' });
    const late = await mediator.post(`/api/mediation/cases/${c.id}/sessions`, { heldAt: '2026-03-02T09:00:00Z', place: 'x', notes: 'y' });
    expect(late.statusCode).toBe(409);
    expect(codeOf(late)).toBe('CONFLICT');
  });

  it('community_staff: two drafts or two signatures at the same moment: one wins, the other is refused (409)', async () => {
    const c = await open();
    const drafts = await Promise.all([1, 2].map(() => mediator.post(`/api/mediation/cases/${c.id}/agreements`, TERMS)));
    expect(drafts.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const draft = MediationCaseDto.parse(drafts.find((r) => r.statusCode === 200)!.json()).agreements[0]!;
    const signs = await Promise.all([1, 2].map(() => mediator.post(`/api/mediation/agreements/${draft.id}/sign`)));
    expect(signs.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const opened = await Promise.all([1, 2].map(() => open()));
    const seqs = opened.map((o) => Number(o.caseNo.slice(-4))).sort((a, b) => a - b);
    expect(seqs[1]! - seqs[0]!).toBe(1);
  });
});
