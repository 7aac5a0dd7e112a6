import { ProgrammeDto, ProgrammeListDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type Tree, buildCommunityTree, buildHousehold, buildOrg, useTestApp } from '../../testing/index.js';
import { issuesOf, registryKit } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let B: Tree;
let staff: Agent;
let day: ProgrammeDto;

const path = () => `/api/programmes/${day.id}`;
const stored = async () => ProgrammeListDto.parse((await staff.get('/api/programmes')).json()).items.find((p) => p.id === day.id)!;

beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  B = await buildCommunityTree(ctx.t.db);
  staff = await kit.as('community_staff', A.community.id);
  const res = await staff.post('/api/programmes', {
    communityId: A.community.id,
    kind: 'day_care',
    name: '日间照料',
    minAge: 60,
    capacity: 5,
  });
  expect(res.statusCode, res.body).toBe(201);
  day = ProgrammeDto.parse(res.json());
  const elder = await buildHousehold(ctx.t.db, A.building, { head: { birthDate: '1944-05-01' } });
  const second = await buildHousehold(ctx.t.db, A.building, { head: { birthDate: '1946-05-01' } });
  for (const h of [elder, second]) {
    expect((await staff.post(`${path()}/enrolments`, { residentId: h.members[0]!.id })).statusCode).toBe(201);
  }
});

describe('editing a programme', () => {
  it('community_staff: sees the edit button and can change the name, provider, venue and capacity; the changed fields are audited', async () => {
    expect(day.abilities.canEdit).toBe(true);
    const org = await buildOrg(ctx.t.db, A.street, 'social_org');
    const res = await staff.patch(path(), { name: '长者日间照料中心', providerOrgId: org.id, venue: '二楼', capacity: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const edited = ProgrammeDto.parse(res.json());
    expect(edited).toMatchObject({
      name: '长者日间照料中心',
      provider: { id: org.id },
      venue: '二楼',
      capacity: 3,
      minAge: 60,
      enrolled: 2,
    });
    expect(await stored()).toEqual(edited);
    const audit = await ctx.t.pool.query<{ details: { changed: string[] } }>(
      "SELECT details FROM audit_log WHERE action = 'programme.update' AND entity_id = $1",
      [day.id],
    );
    expect(audit.rows.map((r) => r.details.changed.sort())).toEqual([['capacity', 'name', 'providerOrgId', 'venue']]);
  });

  it('community_staff: cannot set a maximum age below the stored minimum, a capacity below those enrolled or a provider of another street (400, field-level, nothing changed)', async () => {
    const before = await stored();
    const foreign = await buildOrg(ctx.t.db, B.street, 'social_org');
    const res = await kit.en(staff, 'PATCH', path(), { maxAge: 50, capacity: 1, providerOrgId: foreign.id });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res)).toEqual([
      { path: 'providerOrgId', message: 'No such provider organisation in this street' },
      { path: 'maxAge', message: 'The maximum age is below the minimum age' },
      { path: 'capacity', message: 'The capacity is below the number now enrolled' },
    ]);
    const both = await staff.patch(path(), { minAge: 70, maxAge: 65 });
    expect(issuesOf(both).map((i) => i.path)).toEqual(['maxAge']);
    expect(issuesOf(await staff.patch(path(), { name: ' ' })).map((i) => i.path)).toEqual(['name']);
    expect(await stored()).toEqual(before);
  });

  it('grid_worker: cannot edit a programme of their community (403) and sees no edit button', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    expect((await worker.patch(path(), { name: '改名' })).statusCode).toBe(403);
    const seen = ProgrammeListDto.parse((await worker.get('/api/programmes')).json()).items.find((p) => p.id === day.id)!;
    expect(seen.abilities.canEdit).toBe(false);
  });

  it("community_staff: cannot edit another community's programme (404)", async () => {
    const other = await kit.as('community_staff', B.community.id);
    expect((await other.patch(path(), { name: '改名' })).statusCode).toBe(404);
    expect((await stored()).name).toBe('长者日间照料中心');
  });
});
