import {
  WorkReportDto,
  EnrolmentDto,
  HouseholdProgrammesDto,
  ProgrammeDto,
  ProgrammeListDto,
  ProgrammeSessionDto,
  UnservedDto,
  VisitDto,
} from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, buildCommunityTree, buildHousehold, buildOrg, buildResident, useTestApp } from '../../testing/index.js';
import { issuesOf, registryKit } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let staff: Agent;
let meal: ProgrammeDto;
let elder: Awaited<ReturnType<typeof buildHousehold>>;
let child: Awaited<ReturnType<typeof buildHousehold>>;

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await kit.as('community_staff', A.community.id);
  const org = await buildOrg(ctx.t.db, A.street, 'social_org');
  const res = await staff.post('/api/programmes', {
    communityId: A.community.id,
    kind: 'meal_aid',
    name: '长者助餐',
    providerOrgId: org.id,
    venue: '社区食堂',
    eligibleTags: ['elderly_alone'],
    minAge: 60,
    capacity: 2,
  });
  expect(res.statusCode, res.body).toBe(201);
  meal = ProgrammeDto.parse(res.json());
  elder = await buildHousehold(ctx.t.db, A.building, { tags: ['elderly_alone'], head: { birthDate: '1945-03-01' } });
  child = await buildHousehold(ctx.t.db, A.building, { head: { birthDate: '2016-09-01' } });
});

const enrol = (agent: Agent, residentId: string, extra: object = {}) =>
  agent.post(`/api/programmes/${meal.id}/enrolments`, { residentId, ...extra });

describe('care programmes', () => {
  it('community_staff: can create a programme with its provider and eligibility', () => {
    expect(meal).toMatchObject({ kind: 'meal_aid', venue: '社区食堂', provider: { name: expect.any(String) }, enrolled: 0 });
    expect(meal.abilities).toEqual({ canEnrol: true, canRecordSession: true, canEdit: true });
  });

  it('community_staff: can enrol an eligible elder from a visit need, record a session with attendance, and the household card shows it', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    const visitRes = await worker.post(`/api/households/${elder.id}/visits`, { visitedOn: '2026-01-05', needs: ['想在社区吃午饭'] });
    expect(visitRes.statusCode, visitRes.body).toBe(201);
    const visit = VisitDto.parse(visitRes.json());
    const res = await enrol(staff, elder.members[0]!.id, { visitId: visit.id, needIndex: 0 });
    expect(res.statusCode, res.body).toBe(201);
    const enrolment = EnrolmentDto.parse(res.json());
    const [after] = (await ctx.t.pool.query<{ needs: { status: string }[] }>('SELECT needs FROM visits WHERE id = $1', [visit.id])).rows;
    expect(after!.needs[0]!.status).toBe('ordered');

    const session = await staff.post(`/api/programmes/${meal.id}/sessions`, {
      heldOn: '2026-01-06',
      title: '午餐',
      attendees: [enrolment.id],
    });
    expect(session.statusCode, session.body).toBe(201);
    expect(ProgrammeSessionDto.parse(session.json()).attended).toBe(1);

    const card = HouseholdProgrammesDto.parse((await worker.get(`/api/households/${elder.id}/programmes`)).json());
    expect(card.items).toEqual([expect.objectContaining({ kind: 'meal_aid', programmeName: '长者助餐', attended: 1 })]);
    const list = ProgrammeListDto.parse((await worker.get('/api/programmes')).json());
    expect(list.items.map((p) => [p.id, p.enrolled, p.sessions, p.attendances])).toEqual([[meal.id, 1, 1, 1]]);
    expect(list.items[0]!.abilities.canEnrol).toBe(false);
  });

  it('community_staff: cannot enrol someone who is not eligible, twice, or an attendee not enrolled (400, field-level, nothing stored)', async () => {
    const before = await kit.count('programme_enrolments');
    const res = await kit.en(staff, 'POST', `/api/programmes/${meal.id}/enrolments`, { residentId: child.members[0]!.id });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      { path: 'residentId', message: 'This resident does not meet the programme’s age or care-tag conditions' },
    ]);
    expect(issuesOf(await enrol(staff, elder.members[0]!.id))[0]!.path).toBe('residentId');
    const stray = await staff.post(`/api/programmes/${meal.id}/sessions`, { heldOn: '2026-01-07', attendees: [child.id] });
    expect(issuesOf(stray)).toEqual([{ path: 'attendees.0', message: '出席人员须为本项目的参加者' }]);
    expect((await staff.post('/api/programmes', { communityId: A.community.id, kind: 'tutoring', name: '' })).statusCode).toBe(400);
    expect(await kit.count('programme_enrolments')).toBe(before);
    expect(await kit.count('programme_sessions')).toBe(1);
  });

  it('grid_worker: can list the eligible people of their grid not yet served', async () => {
    const other = await buildHousehold(ctx.t.db, A.building, { tags: ['elderly_alone'], head: { birthDate: '1950-01-01' } });
    await buildResident(ctx.t.db, other, { birthDate: '1990-01-01', relation: '20' });
    const worker = await kit.as('grid_worker', A.grid.id);
    const res = await worker.get(`/api/programmes/${meal.id}/unserved`);
    expect(res.statusCode, res.body).toBe(200);
    const dto = UnservedDto.parse(res.json());
    expect(dto.items.map((i) => i.residentId)).toEqual([other.members[0]!.id]);
    expect(dto.total).toBe(1);
  });

  it('grid_worker: cannot create programmes or record sessions (403)', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    expect((await worker.post('/api/programmes', { communityId: A.community.id, kind: 'tutoring', name: '作业辅导' })).statusCode).toBe(
      403,
    );
    expect((await worker.post(`/api/programmes/${meal.id}/sessions`, { heldOn: '2026-01-08' })).statusCode).toBe(403);
  });

  it("community_staff: cannot see or act on another community's programmes and households (404)", async () => {
    const other = await kit.as('community_staff', B.community.id);
    expect((await other.post('/api/programmes', { communityId: A.community.id, kind: 'tutoring', name: '作业辅导' })).statusCode).toBe(404);
    expect((await enrol(other, elder.members[0]!.id)).statusCode).toBe(404);
    expect((await other.get(`/api/programmes/${meal.id}/unserved`)).statusCode).toBe(404);
    expect((await other.get(`/api/households/${elder.id}/programmes`)).statusCode).toBe(404);
    expect(ProgrammeListDto.parse((await other.get('/api/programmes')).json()).items).toEqual([]);
  });

  it('community_staff: cannot enrol beyond capacity (400)', async () => {
    const second = await buildHousehold(ctx.t.db, A.building, { tags: ['elderly_alone'], head: { birthDate: '1940-01-01' } });
    const third = await buildHousehold(ctx.t.db, A.building, { tags: ['elderly_alone'], head: { birthDate: '1941-01-01' } });
    expect((await enrol(staff, second.members[0]!.id)).statusCode).toBe(201);
    expect(issuesOf(await enrol(staff, third.members[0]!.id))).toEqual([{ path: 'residentId', message: '本项目名额已满' }]);
  });

  it('community_staff: can read the programme beneficiaries in the work report, by kind and grid', async () => {
    const res = await staff.get(`/api/reports/work?area=${A.community.code}&from=2026-01-01&to=2026-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const report = WorkReportDto.parse(res.json());
    const figure = report.figures.programmeBeneficiaries!;
    expect(figure.value).toBe(2);
    expect(figure.by!.find((b) => b.key === 'meal_aid')!.value).toBe(2);
  });
});
