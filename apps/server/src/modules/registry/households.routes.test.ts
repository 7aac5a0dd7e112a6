import { HistoryListDto, HouseholdDto, idCheckChar, upgradeLegacyId } from '@linli/contracts';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, households, residents } from '../../db/schema/index.js';
import {
  type Agent,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildFlat,
  buildHousehold,
  makeTestId,
  testPii,
  useTestApp,
} from '../../testing/index.js';
import { MASKED_ID, MASKED_PHONE, codeOf, expectNoPlainPii, issuesOf, registryKit } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let staff: Agent;
const member = (over: object = {}) => ({ name: '王小明', relation: '02', ...over });

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  staff = await kit.as('community_staff', A.community.id);
});

describe('registering a household', () => {
  it('community_staff: can register a household with members; IDs and phones are encrypted, hashed and masked', async () => {
    const flat = await buildFlat(ctx.t.db, A.building, { unitNo: 2, flatNo: '803' });
    const headId = makeTestId('1962-03-04', 1);
    const legacyBody = '32100365070800';
    const legacy = `${legacyBody}2`;
    const res = await staff.post('/api/households', {
      flatId: flat.id,
      tenure: 'rented',
      tags: ['low_income'],
      members: [
        member({ idNumber: headId, phone: '+86 138-0000-1234', political: '01', tags: ['disabled'] }),
        { name: '李芳', relation: '10', idNumber: legacy, ethnicity: '03' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expectNoPlainPii(res.body, [headId, '13800001234', upgradeLegacyId(legacy)]);
    const dto = HouseholdDto.parse(res.json());
    expect(dto).toMatchObject({ tenure: 'rented', tags: ['low_income'], headName: '王小明', memberCount: 2, status: 'active' });
    expect(dto.address).toMatchObject({ buildingId: A.building.id, unitNo: 2, flatNo: '803', communityId: A.community.id });
    expect(dto.address.text).toBe(`${A.compound.name} ${A.building.name} 2单元 803`);
    expect(dto.abilities).toEqual({ canEdit: true, canMove: true, canVisit: true });
    const [head, spouse] = dto.members;
    expect(head).toMatchObject({ sex: '1', birthDate: '1962-03-04', phone: '138****1234', political: '01', tags: ['disabled'] });
    expect(head!.idNumber).toMatch(MASKED_ID);
    expect(spouse).toMatchObject({ sex: '2', birthDate: '1965-07-08', ethnicity: '03', phone: null });
    expect(spouse!.idNumber).toBe(`321003********${upgradeLegacyId(legacy).slice(-4)}`);

    const [row] = await ctx.t.db.select().from(residents).where(eq(residents.id, head!.id));
    expect(row!.idNumberEnc!.toString('latin1')).not.toContain(headId);
    expect(testPii.decrypt(row!.idNumberEnc!)).toBe(headId);
    expect(row).toMatchObject({
      idNumberHash: testPii.lookupHash(headId),
      idTail: headId.slice(-4),
      phoneTail: '1234',
      nameInitials: 'wxm',
    });
    expect(testPii.decrypt(row!.phoneEnc!)).toBe('13800001234');
    expect(row).toMatchObject({ communityId: A.community.id, gridId: A.grid.id, buildingId: A.building.id, districtId: A.district.id });

    const history = HistoryListDto.parse((await staff.get(`/api/households/${dto.id}/history`)).json()).items;
    expect(history.map((h) => `${h.entityType}.${h.action}`).sort()).toEqual(['household.create', 'resident.create', 'resident.create']);
    const headEntry = history.find((h) => h.entityId === head!.id)!;
    expect(headEntry.changes).toContainEqual({ field: 'idNumber', from: null, to: head!.idNumber });
    expect(headEntry.changes).toContainEqual({ field: 'phone', from: null, to: '138****1234' });
    expect(headEntry.actorName).toBeTruthy();
    expectNoPlainPii(JSON.stringify(history), [headId, '13800001234']);
    const audit = await ctx.t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'registry.household.create'), eq(auditLog.entityId, dto.id)));
    expect(audit[0]).toMatchObject({ communityId: A.community.id, outcome: 'ok', details: { flatId: flat.id, members: 2 } });
  });

  it('community_staff: cannot register with a bad check digit, an impossible birth date or a sex that contradicts the ID; nothing is stored', async () => {
    const flat = await buildFlat(ctx.t.db, A.building);
    const good = makeTestId('1990-01-01', 1);
    const badCheck = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const feb30 = '32100319900230001';
    const before = await kit.count('households');
    const body = {
      flatId: flat.id,
      members: [
        member({ idNumber: badCheck }),
        { name: '甲', relation: '20', idNumber: feb30 + idCheckChar(feb30) },
        { name: '乙', relation: '30', idNumber: makeTestId('2001-02-03', 1), sex: '2', birthDate: '2001-02-04' },
      ],
    };
    const zh = await staff.post('/api/households', body);
    expect(zh.statusCode).toBe(400);
    expect(issuesOf(zh)).toEqual([
      { path: 'members.0.idNumber', message: '身份证号校验位不正确，请核对' },
      { path: 'members.1.idNumber', message: '身份证号中的出生日期不存在' },
      { path: 'members.2.sex', message: '性别与身份证号不符（身份证号为男性）' },
      { path: 'members.2.birthDate', message: '出生日期与身份证号不符（身份证号为 2001-02-03）' },
    ]);
    const en = await kit.en(staff, 'POST', '/api/households', body);
    expect(issuesOf(en).map((i) => i.message)).toEqual([
      'The check digit of this ID number is wrong',
      'The birth date inside this ID number is impossible',
      'Sex does not match the ID number (it says male)',
      'The birth date does not match the ID number (it says 2001-02-03)',
    ]);
    expect(await kit.count('households')).toBe(before);
  });

  it('community_staff: cannot register an ID number an active resident of the district already holds (409, field path)', async () => {
    const B = await buildCommunityTree(ctx.t.db, A.street);
    const other = await buildHousehold(ctx.t.db, B.building);
    const flat = await buildFlat(ctx.t.db, A.building);
    const res = await staff.post('/api/households', {
      flatId: flat.id,
      members: [member({ idNumber: makeTestId() }), { name: '丙', relation: '20', idNumber: other.members[0]!.idNumber }],
    });
    expect(res.statusCode).toBe(409);
    expect(issuesOf(res)).toEqual([{ path: 'members.1.idNumber', message: '该身份证号已登记在本辖区另一位在册居民名下' }]);
    const twice = makeTestId();
    const dup = await staff.post('/api/households', {
      flatId: flat.id,
      members: [member({ idNumber: twice }), { name: '丁', relation: '20', idNumber: twice }],
    });
    expect(dup.statusCode).toBe(400);
    expect(issuesOf(dup).map((i) => i.path)).toEqual(['members.1.idNumber']);
  });

  it('community_staff: cannot register a household without exactly one head, with unknown codes or unknown tags', async () => {
    const flat = await buildFlat(ctx.t.db, A.building);
    const res = await kit.en(staff, 'POST', '/api/households', {
      flatId: flat.id,
      tags: ['no_such_tag', 'disabled'],
      members: [member({ ethnicity: '60', tags: ['low_income'] }), member({ name: '二号户主' })],
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      { path: 'members', message: 'A household needs exactly one head (relation 01 self or 02 head)' },
      { path: 'tags', message: 'No care tag of this community applies here: no_such_tag, disabled' },
    ]);
    const codes = await kit.en(staff, 'POST', '/api/households', {
      flatId: flat.id,
      members: [member({ ethnicity: '60', tags: ['low_income'] })],
    });
    expect(issuesOf(codes)).toEqual([
      { path: 'members.0.ethnicity', message: 'Not a valid code for ethnicity' },
      { path: 'members.0.tags', message: 'No care tag of this community applies here: low_income' },
    ]);
  });
});

describe('changing a household', () => {
  it('grid_worker: can change tenure and tags, with the change in the history', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { tags: ['key_care'] });
    const worker = await kit.as('grid_worker', A.grid.id);
    const res = await worker.patch(`/api/households/${h.id}`, { tenure: 'rented', tags: ['key_care', 'low_income'] });
    expect(res.statusCode).toBe(200);
    expect(HouseholdDto.parse(res.json())).toMatchObject({ tenure: 'rented', tags: ['key_care', 'low_income'] });
    const [entry] = HistoryListDto.parse((await worker.get(`/api/households/${h.id}/history`)).json()).items;
    expect(entry).toMatchObject({ action: 'update', entityType: 'household', entityId: h.id });
    expect(entry!.changes).toEqual([
      { field: 'tenure', from: 'owner', to: 'rented' },
      { field: 'tags', from: 'key_care', to: 'key_care,low_income' },
    ]);
  });

  it('community_staff: can move a person in; a second head is refused', async () => {
    const h = await buildHousehold(ctx.t.db, A.building);
    const id = makeTestId('2015-06-01', 2);
    const res = await staff.post(`/api/households/${h.id}/members`, {
      name: '小红',
      relation: '30',
      idNumber: id,
      movedInOn: '2024-01-01',
    });
    expect(res.statusCode).toBe(201);
    const dto = HouseholdDto.parse(res.json());
    expect(dto.memberCount).toBe(2);
    const child = dto.members.find((m) => m.name === '小红')!;
    expect(child).toMatchObject({ sex: '2', birthDate: '2015-06-01', relation: '30' });
    expect(child.idNumber).toMatch(MASKED_ID);
    const history = HistoryListDto.parse((await staff.get(`/api/households/${h.id}/history`)).json()).items;
    expect(history[0]).toMatchObject({ action: 'move_in', entityType: 'resident', entityId: child.id });
    expect(history[0]!.changes).toContainEqual({ field: 'movedInOn', from: null, to: '2024-01-01' });
    const head = await kit.en(staff, 'POST', `/api/households/${h.id}/members`, { name: '新户主', relation: '02' });
    expect(head.statusCode).toBe(400);
    expect(issuesOf(head)).toEqual([{ path: 'relation', message: 'A household needs exactly one head (relation 01 self or 02 head)' }]);
  });

  it('community_staff: can move a whole household out; its active members leave with it; then nothing more can be done', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { members: 2 });
    const res = await staff.post(`/api/households/${h.id}/move-out`, { date: '2025-01-15', reason: '购房搬迁' });
    expect(res.statusCode).toBe(200);
    const dto = HouseholdDto.parse(res.json());
    expect(dto).toMatchObject({ status: 'moved_out', memberCount: 0, abilities: { canEdit: false, canMove: false } });
    expect(dto.members.map((m) => m.status)).toEqual(['moved_out', 'moved_out']);
    const history = HistoryListDto.parse((await staff.get(`/api/households/${h.id}/history`)).json()).items;
    expect(history.filter((e) => e.action === 'move_out')).toHaveLength(3);
    expect(history.find((e) => e.entityType === 'household')!.changes).toEqual([
      { field: 'status', from: 'active', to: 'moved_out' },
      { field: 'movedOutOn', from: null, to: '2025-01-15' },
      { field: 'reason', from: null, to: '购房搬迁' },
    ]);
    const again = await staff.post(`/api/households/${h.id}/move-out`, { date: '2025-01-16' });
    expect(again.statusCode).toBe(409);
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect((await staff.post(`/api/households/${h.id}/members`, member())).statusCode).toBe(409);
    const future = await buildHousehold(ctx.t.db, A.building);
    expect(issuesOf(await staff.post(`/api/households/${future.id}/move-out`, { date: '2999-01-01' }))[0]!.path).toBe('date');
  });

  it('community_admin: can transfer a household to a flat in another building of a grid; scope ids follow for household and members', async () => {
    const admin = await kit.as('community_admin', A.community.id);
    const grid2 = await buildArea(ctx.t.db, 'grid', A.community);
    const building2 = await buildArea(ctx.t.db, 'building', A.compound, { gridId: grid2.id, name: '9幢' });
    const target = await buildFlat(ctx.t.db, building2, { unitNo: 3, flatNo: '502' });
    const h = await buildHousehold(ctx.t.db, A.building, { members: 2 });
    const res = await admin.post(`/api/households/${h.id}/transfer`, { flatId: target.id, date: '2025-02-01' });
    expect(res.statusCode).toBe(200);
    const dto = HouseholdDto.parse(res.json());
    expect(dto.address).toMatchObject({ flatId: target.id, buildingId: building2.id, gridId: grid2.id, unitNo: 3, flatNo: '502' });
    const rows = await ctx.t.db.select().from(residents).where(eq(residents.householdId, h.id));
    expect(rows.every((r) => r.buildingId === building2.id && r.gridId === grid2.id)).toBe(true);
    const [hh] = await ctx.t.db.select().from(households).where(eq(households.id, h.id));
    expect(hh).toMatchObject({ gridId: grid2.id, buildingId: building2.id, compoundId: A.compound.id, movedInOn: '2025-02-01' });
    const [entry] = HistoryListDto.parse((await admin.get(`/api/households/${h.id}/history`)).json()).items;
    expect(entry).toMatchObject({ action: 'transfer' });
    expect(entry!.changes[0]).toMatchObject({ field: 'address', to: `${A.compound.name} 9幢 3单元 502` });
    const same = await admin.post(`/api/households/${h.id}/transfer`, { flatId: target.id, date: '2025-02-02' });
    expect(issuesOf(same).map((i) => i.path)).toEqual(['flatId']);
    // the grid worker of the first grid no longer sees it
    const worker = await kit.as('grid_worker', A.grid.id);
    expect((await worker.get(`/api/households/${h.id}`)).statusCode).toBe(404);
  });

  it('community_staff: cannot transfer a household to a flat of another community (404)', async () => {
    const B = await buildCommunityTree(ctx.t.db, A.street);
    const elsewhere = await buildFlat(ctx.t.db, B.building);
    const h = await buildHousehold(ctx.t.db, A.building);
    const res = await staff.post(`/api/households/${h.id}/transfer`, { flatId: elsewhere.id, date: '2025-02-01' });
    expect(res.statusCode).toBe(404);
  });

  it('community_staff: sees members masked in the household card', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { members: 2 });
    const res = await staff.get(`/api/households/${h.id}`);
    expect(res.statusCode).toBe(200);
    expectNoPlainPii(
      res.body,
      h.members.flatMap((m) => [m.idNumber, m.phone]),
    );
    const dto = HouseholdDto.parse(res.json());
    for (const m of dto.members) {
      expect(m.idNumber).toMatch(MASKED_ID);
      expect(m.phone).toMatch(MASKED_PHONE);
      expect(m.abilities).toEqual({ canEdit: true, canReveal: true, canRevealPhone: true });
    }
  });
});
