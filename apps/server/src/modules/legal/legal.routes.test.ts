import { ConsultationDto, ConsultationList, LegalRosterDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { legalDutySlots } from '../../db/schema/index.js';
import { type Tree, buildCommunityTree, buildHousehold, buildOrg, useTestApp } from '../../testing/index.js';
import { person } from '../mediation/test-kit.js';
import { codeOf, issuesOf, registryKit } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let center: Awaited<ReturnType<typeof buildOrg>>;
let staff: Awaited<ReturnType<typeof person>>;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  center = await buildOrg(ctx.t.db, A.community, 'legal_center');
  await ctx.t.db.insert(legalDutySlots).values([
    { orgId: center.id, weekday: 3, startsAt: '14:00', endsAt: '17:00', lawyerName: '周律师', firm: '江苏某律师事务所' },
    { orgId: center.id, weekday: 1, startsAt: '09:00', endsAt: '11:30', lawyerName: '吴律师', firm: '扬州某律师事务所' },
  ]);
  staff = await person(ctx, 'community_staff', A.community.id);
});

const body = (extra: Record<string, unknown> = {}) => ({
  orgId: center.id,
  consultedOn: '2026-03-02',
  topic: 'inheritance',
  question: '父亲去世后房产如何继承',
  advice: '无遗嘱按法定继承，第一顺序继承人均分，可先协商再办理公证',
  lawyerName: '周律师',
  ...extra,
});

describe('the legal service center', () => {
  it("resident: can read their community's center and its lawyers on duty, by weekday", async () => {
    const resident = await person(ctx, 'resident', A.building.id);
    const roster = LegalRosterDto.parse((await resident.get('/api/legal/roster')).json());
    expect(roster.center).toMatchObject({ id: center.id, name: center.name });
    expect(roster.slots.map((s) => [s.weekday, s.lawyerName])).toEqual([
      [1, '吴律师'],
      [3, '周律师'],
    ]);
  });

  it("resident: cannot read another community's roster (404)", async () => {
    const resident = await person(ctx, 'resident', A.building.id);
    expect((await resident.get(`/api/legal/roster?communityId=${B.community.id}`)).statusCode).toBe(404);
  });

  it('community_staff: can record a consultation with its topic and advice; the resident shows masked', async () => {
    const h = await buildHousehold(ctx.t.db, A.building, { head: { name: '孙德胜' } });
    const res = await staff.post('/api/legal/consultations', body({ residentId: h.members[0]!.id }));
    expect(res.statusCode, res.body).toBe(200);
    expect(ConsultationDto.parse(res.json())).toMatchObject({ topic: 'inheritance', residentName: '孙*', orgName: center.name });
    const list = ConsultationList.parse((await staff.get('/api/legal/consultations')).json());
    expect(list.total).toBe(1);
    expect(await kit.count('audit_log', `action = 'legal_consultation.create'`)).toBe(1);
  });

  it("community_staff: cannot see another community's consultations, nor record for its residents (400, nothing stored)", async () => {
    const other = await person(ctx, 'community_staff', B.community.id);
    expect(ConsultationList.parse((await other.get('/api/legal/consultations')).json()).items).toEqual([]);
    const h = await buildHousehold(ctx.t.db, B.building);
    const before = await kit.count('legal_consultations');
    const res = await kit.en(staff, 'POST', '/api/legal/consultations', body({ residentId: h.members[0]!.id, consultedOn: '2999-01-01' }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([{ path: 'consultedOn', message: 'The consultation cannot be in the future' }]);
    const wrong = await staff.post('/api/legal/consultations', body({ residentId: h.members[0]!.id }));
    expect(issuesOf(wrong)).toEqual([{ path: 'residentId', message: '居民不在您的辖区档案中' }]);
    const blank = await staff.post('/api/legal/consultations', body({ advice: '' }));
    expect(blank.statusCode).toBe(400);
    expect(await kit.count('legal_consultations')).toBe(before);
  });

  it("community_staff: cannot record at another community's center (404)", async () => {
    const otherCenter = await buildOrg(ctx.t.db, B.community, 'legal_center');
    const res = await staff.post('/api/legal/consultations', body({ orgId: otherCenter.id }));
    expect(res.statusCode).toBe(404);
    expect(codeOf(res)).toBe('NOT_FOUND');
  });

  it('grid_worker: cannot record or list consultations (403)', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    expect((await worker.post('/api/legal/consultations', body())).statusCode).toBe(403);
    expect((await worker.get('/api/legal/consultations')).statusCode).toBe(403);
  });
});
