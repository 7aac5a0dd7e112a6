import { SocialOrgListDto, SocialWorkerDto } from '@linli/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Tree, buildArea, buildCommunityTree, buildOrg, useTestApp } from '../../testing/index.js';
import { issuesOf, registryKit } from '../registry/test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);

let A: Tree;
let orgId: string;
let otherOrgId: string;
beforeAll(async () => {
  A = await buildCommunityTree(ctx.t.db);
  orgId = (await buildOrg(ctx.t.db, A.street, 'social_org')).id;
  await buildOrg(ctx.t.db, A.street, 'property');
  const otherStreet = await buildArea(ctx.t.db, 'street', A.district);
  otherOrgId = (await buildOrg(ctx.t.db, otherStreet, 'social_org')).id;
});

describe('social organisations and social workers (三社联动)', () => {
  it('community_staff: can register a qualified social worker of a street organisation and see the programmes it runs', async () => {
    const staff = await kit.as('community_staff', A.community.id);
    const res = await staff.post(`/api/social-orgs/${orgId}/workers`, {
      name: '王社工',
      qualification: 'intermediate',
      certificateNo: 'S2023-0001',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(SocialWorkerDto.parse(res.json())).toMatchObject({ name: '王社工', qualification: 'intermediate' });
    await staff.post('/api/programmes', { communityId: A.community.id, kind: 'tutoring', name: '课业辅导', providerOrgId: orgId });
    const list = SocialOrgListDto.parse((await staff.get('/api/social-orgs')).json());
    expect(list.items.map((o) => o.id)).toEqual([orgId]);
    expect(list.items[0]).toMatchObject({
      workers: [{ name: '王社工' }],
      programmes: [{ kind: 'tutoring' }],
      abilities: { canAddWorker: true },
    });
  });

  it('community_staff: cannot register a worker with a bad qualification (400) or in another street (404)', async () => {
    const staff = await kit.as('community_staff', A.community.id);
    const bad = await kit.en(staff, 'POST', `/api/social-orgs/${orgId}/workers`, { name: '', qualification: 'guru' });
    expect(
      issuesOf(bad)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['name', 'qualification']);
    expect((await staff.post(`/api/social-orgs/${otherOrgId}/workers`, { name: '李', qualification: 'none' })).statusCode).toBe(404);
    expect(await kit.count('social_workers')).toBe(1);
  });

  it('grid_worker: cannot register social workers (403)', async () => {
    const worker = await kit.as('grid_worker', A.grid.id);
    expect((await worker.post(`/api/social-orgs/${orgId}/workers`, { name: '李', qualification: 'none' })).statusCode).toBe(403);
    expect(SocialOrgListDto.parse((await worker.get('/api/social-orgs')).json()).items[0]!.abilities.canAddWorker).toBe(false);
  });
});
