import { EnrolmentDto, EnrolmentListDto, HouseholdProgrammesDto, ProgrammeDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, buildCommunityTree, buildHousehold, useTestApp } from '../../testing/index.js';
import { issuesOf, registryKit } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let staff: Agent;
let day: ProgrammeDto;
let enrolment: EnrolmentDto;
let elder: Awaited<ReturnType<typeof buildHousehold>>;

const endPath = (id = enrolment.id) => `/api/programmes/${day.id}/enrolments/${id}/end`;

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db, A.street);
  staff = await kit.as('community_staff', A.community.id);
  const res = await staff.post('/api/programmes', { communityId: A.community.id, kind: 'day_care', name: '日间照料', minAge: 60 });
  expect(res.statusCode, res.body).toBe(201);
  day = ProgrammeDto.parse(res.json());
  elder = await buildHousehold(ctx.t.db, A.building, { head: { birthDate: '1944-05-01' } });
  const enrolled = await staff.post(`/api/programmes/${day.id}/enrolments`, { residentId: elder.members[0]!.id, enrolledOn: '2026-02-01' });
  expect(enrolled.statusCode, enrolled.body).toBe(201);
  enrolment = EnrolmentDto.parse(enrolled.json());
});

describe('programme enrolments', () => {
  it('grid_worker: can list the live beneficiaries of a programme in their community', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    const res = await worker.get(`/api/programmes/${day.id}/enrolments`);
    expect(res.statusCode, res.body).toBe(200);
    expect(EnrolmentListDto.parse(res.json()).items).toEqual([enrolment]);
  });

  it('community_staff: cannot end an enrolment without a reason, before it began, or one not in the programme (400, nothing changed)', async () => {
    const noReason = await kit.en(staff, 'POST', endPath(), { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(issuesOf(noReason).map((i) => i.path)).toEqual(['reason']);
    const early = await kit.en(staff, 'POST', endPath(), { reason: 'moved', endedOn: '2026-01-01' });
    expect(issuesOf(early)).toEqual([{ path: 'endedOn', message: 'The end date is before the enrolment date' }]);
    const stranger = await staff.post(endPath(elder.id), { reason: '搬走' });
    expect(issuesOf(stranger)).toEqual([{ path: 'enrolmentId', message: '本项目没有这条在册记录' }]);
    expect(EnrolmentListDto.parse((await staff.get(`/api/programmes/${day.id}/enrolments`)).json()).items).toHaveLength(1);
  });

  it('grid_worker: cannot end an enrolment (403)', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    expect((await worker.post(endPath(), { reason: '搬走' })).statusCode).toBe(403);
  });

  it("community_staff: cannot see or end another community's enrolments (404)", async () => {
    const other = await kit.as('community_staff', B.community.id);
    expect((await other.get(`/api/programmes/${day.id}/enrolments`)).statusCode).toBe(404);
    expect((await other.post(endPath(), { reason: '搬走' })).statusCode).toBe(404);
  });

  it('community_staff: can end an enrolment with a reason; it leaves the list and the household card, and the reason is audited', async () => {
    const res = await staff.post(endPath(), { reason: '随子女搬迁', endedOn: '2026-03-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(EnrolmentDto.parse(res.json()).id).toBe(enrolment.id);
    expect(EnrolmentListDto.parse((await staff.get(`/api/programmes/${day.id}/enrolments`)).json()).items).toEqual([]);
    const card = HouseholdProgrammesDto.parse((await staff.get(`/api/households/${elder.id}/programmes`)).json());
    expect(card.items).toEqual([]);
    const audit = await ctx.t.pool.query<{ details: { reason: string } }>(
      "SELECT details FROM audit_log WHERE action = 'programme.end_enrolment' AND entity_id = $1",
      [day.id],
    );
    expect(audit.rows.map((r) => r.details.reason)).toEqual(['随子女搬迁']);
    expect((await staff.post(endPath(), { reason: '再次' })).statusCode).toBe(400);
  });

  it('community_staff: can enrol someone again after their enrolment ended, but not twice while it is live', async () => {
    const again = await staff.post(`/api/programmes/${day.id}/enrolments`, { residentId: elder.members[0]!.id, enrolledOn: '2026-05-01' });
    expect(again.statusCode, again.body).toBe(201);
    const twice = await staff.post(`/api/programmes/${day.id}/enrolments`, { residentId: elder.members[0]!.id, enrolledOn: '2026-05-02' });
    expect(twice.statusCode).toBe(400);
    expect(issuesOf(twice).map((i) => i.path)).toEqual(['residentId']);
  });
});
