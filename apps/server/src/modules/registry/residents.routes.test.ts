import { HistoryListDto, ResidentDto, ResidentSearchItem, RevealDto } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, registryHistory, residents } from '../../db/schema/index.js';
import { type Agent, type Tree, buildCommunityTree, buildHousehold, makeTestId, testPii, useTestApp } from '../../testing/index.js';
import { MASKED_ID, codeOf, expectNoPlainPii, issuesOf, registryKit } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let staff: Agent;
let worker: Agent;

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  staff = await kit.as('community_staff', A.community.id);
  worker = await kit.as('grid_worker', A.grid.id);
});

describe('editing a resident', () => {
  it('grid_worker: can edit a resident; ID and phone changes are recorded masked, sex and birth date follow the ID', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { head: { name: '赵大', phone: '13911112222' } });
    const r = h.members[0]!;
    const newId = makeTestId('1975-11-30', 2);
    const res = await worker.patch(`/api/residents/${r.id}`, {
      name: '赵大妹',
      idNumber: newId,
      phone: '13733334444',
      political: '03',
      tags: ['disabled'],
      volunteer: true,
      note: '行动不便',
    });
    expect(res.statusCode).toBe(200);
    expectNoPlainPii(res.body, [newId, '13733334444']);
    const dto = ResidentDto.parse(res.json());
    expect(dto).toMatchObject({
      name: '赵大妹',
      sex: '2',
      birthDate: '1975-11-30',
      phone: '137****4444',
      political: '03',
      volunteer: true,
    });
    expect(dto.idNumber).toBe(`${newId.slice(0, 6)}********${newId.slice(-4)}`);
    const [row] = await ctx.t.db.select().from(residents).where(eq(residents.id, r.id));
    expect(row).toMatchObject({ nameInitials: 'zdm', idNumberHash: testPii.lookupHash(newId), idTail: newId.slice(-4), phoneTail: '4444' });

    const [entry] = HistoryListDto.parse((await worker.get(`/api/residents/${r.id}/history`)).json()).items;
    expect(entry).toMatchObject({ action: 'update', entityType: 'resident' });
    expect(entry!.changes.map((c) => c.field)).toEqual([
      'name',
      'idNumber',
      'sex',
      'birthDate',
      'political',
      'phone',
      'tags',
      'volunteer',
      'note',
    ]);
    expect(entry!.changes.find((c) => c.field === 'phone')).toEqual({ field: 'phone', from: '139****2222', to: '137****4444' });
    const stored = await ctx.t.db.select().from(registryHistory).where(eq(registryHistory.entityId, r.id));
    expectNoPlainPii(JSON.stringify(stored), [newId, r.idNumber, '13733334444', '13911112222']);
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registry.resident.update'), eq(auditLog.entityId, r.id)));
    expect(audit!.details).toMatchObject({ fields: expect.arrayContaining(['idNumber', 'phone']) });
    expectNoPlainPii(JSON.stringify(audit), [newId, '13733334444']);
  });

  it('grid_worker: cannot set a sex that contradicts the stored ID number, or a malformed phone; nothing changes', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { head: { sex: 1 } });
    const r = h.members[0]!;
    const res = await kit.en(worker, 'PATCH', `/api/residents/${r.id}`, { sex: '2', phone: 'abc', name: '改名' });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      { path: 'phone', message: 'This is not a valid phone number' },
      { path: 'sex', message: 'Sex does not match the ID number (it says male)' },
    ]);
    const [row] = await ctx.t.db.select().from(residents).where(eq(residents.id, r.id));
    expect(row!.name).toBe(r.name);
    expect(await kit.count('registry_history', 'entity_id = $1', [r.id])).toBe(0);
  });

  it("grid_worker: cannot give a resident another active resident's ID number (409)", async () => {
    const a = await buildHousehold(ctx.t.db, A.building);
    const b = await buildHousehold(ctx.t.db, A.building);
    const res = await worker.patch(`/api/residents/${b.members[0]!.id}`, { idNumber: a.members[0]!.idNumber });
    expect(res.statusCode).toBe(409);
    expect(issuesOf(res).map((i) => i.path)).toEqual(['idNumber']);
  });

  it('grid_worker: a change that changes nothing writes no history', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { head: { name: '钱七' } });
    const res = await worker.patch(`/api/residents/${h.members[0]!.id}`, { name: '钱七', relation: '02' });
    expect(res.statusCode).toBe(200);
    expect(await kit.count('registry_history', 'entity_id = $1', [h.members[0]!.id])).toBe(0);
  });
});

describe('moving out and deaths', () => {
  it('community_staff: can move a resident out, then no more edits (409 INVALID_TRANSITION)', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { members: 2 });
    const r = h.members[1]!;
    const res = await staff.post(`/api/residents/${r.id}/move-out`, { date: '2025-03-01', reason: '外出务工' });
    expect(res.statusCode).toBe(200);
    expect(ResidentDto.parse(res.json())).toMatchObject({ status: 'moved_out', abilities: { canEdit: false, canReveal: true } });
    const [entry] = HistoryListDto.parse((await staff.get(`/api/residents/${r.id}/history`)).json()).items;
    expect(entry!.changes).toEqual([
      { field: 'status', from: 'active', to: 'moved_out' },
      { field: 'movedOutOn', from: null, to: '2025-03-01' },
      { field: 'reason', from: null, to: '外出务工' },
    ]);
    const edit = await staff.patch(`/api/residents/${r.id}`, { name: 'x' });
    expect(edit.statusCode).toBe(409);
    expect(codeOf(edit)).toBe('INVALID_TRANSITION');
    expect((await staff.post(`/api/residents/${r.id}/death`, { date: '2025-03-02' })).statusCode).toBe(409);
  });

  it('community_staff: can record a death; the age stops at the date of death', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { head: { birthDate: '1930-06-15' } });
    const r = h.members[0]!;
    const res = await staff.post(`/api/residents/${r.id}/death`, { date: '2020-06-14', note: '病故' });
    expect(res.statusCode).toBe(200);
    expect(ResidentDto.parse(res.json())).toMatchObject({ status: 'deceased', age: 89 });
    const [entry] = HistoryListDto.parse((await staff.get(`/api/residents/${r.id}/history`)).json()).items;
    expect(entry).toMatchObject({ action: 'death' });
    expect(entry!.changes).toContainEqual({ field: 'diedOn', from: null, to: '2020-06-14' });
    const future = await buildHousehold(ctx.t.db, A.building);
    const bad = await kit.en(staff, 'POST', `/api/residents/${future.members[0]!.id}/death`, { date: '2999-01-01' });
    expect(issuesOf(bad)).toEqual([{ path: 'date', message: 'The date cannot be in the future' }]);
  });
});

describe('revealing personal data', () => {
  it('community_staff: can reveal an ID number and phone with a reason; the reveal is audited', async () => {
    const h = await buildHousehold(ctx.t.db, A.building);
    const r = h.members[0]!;
    const res = await staff.post(`/api/residents/${r.id}/reveal`, { fields: ['idNumber', 'phone'], reason: '办理低保复核' });
    expect(res.statusCode).toBe(200);
    expect(RevealDto.parse(res.json())).toEqual({ idNumber: r.idNumber, phone: r.phone });
    const [audit] = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registry.reveal'), eq(auditLog.entityId, r.id)));
    expect(audit).toMatchObject({
      entityType: 'resident',
      communityId: A.community.id,
      details: { fields: ['idNumber', 'phone'], reason: '办理低保复核' },
    });
    const one = RevealDto.parse((await staff.post(`/api/residents/${r.id}/reveal`, { fields: ['phone'], reason: '联系家属' })).json());
    expect(one).toEqual({ phone: r.phone });
  });

  it('grid_worker: cannot reveal an ID number (403), and the read stays masked', async () => {
    const h = await buildHousehold(ctx.t.db, A.building);
    const r = h.members[0]!;
    const res = await worker.post(`/api/residents/${r.id}/reveal`, { fields: ['idNumber'], reason: '核对身份' });
    expect(res.statusCode).toBe(403);
    expect(await kit.count('audit_log', `action = 'registry.reveal' AND entity_id = $1`, [r.id])).toBe(0);
    const read = await worker.get(`/api/residents/${r.id}`);
    expectNoPlainPii(read.body, [r.idNumber, r.phone]);
    const dto = ResidentSearchItem.parse(read.json());
    expect(dto.idNumber).toMatch(MASKED_ID);
    expect(dto.abilities).toEqual({ canEdit: true, canReveal: false, canRevealPhone: true });
  });

  it('street_supervisor: can reveal in their street but not edit (403)', async () => {
    const sup = await kit.as('street_supervisor', A.street.id);
    const h = await buildHousehold(ctx.t.db, A.building);
    const r = h.members[0]!;
    expect((await sup.post(`/api/residents/${r.id}/reveal`, { fields: ['idNumber'], reason: '街道核查' })).statusCode).toBe(200);
    expect((await sup.patch(`/api/residents/${r.id}`, { name: '改' })).statusCode).toBe(403);
  });

  it('community_staff: a reveal needs a reason of at least 4 characters (400)', async () => {
    const h = await buildHousehold(ctx.t.db, A.building);
    const res = await staff.post(`/api/residents/${h.members[0]!.id}/reveal`, { fields: ['idNumber'], reason: '看' });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res).map((i) => i.path)).toEqual(['reason']);
  });
});
