import { PortalHomeDto } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { buildCommunityTree, useTestApp } from '../../testing/index.js';
import { person, residentIn } from '../orders/test-kit.js';

describe('GET /api/portal/home', () => {
  const h = useTestApp();

  it("resident: can read their own household's address", async () => {
    const tree = await buildCommunityTree(h.t.db);
    const { agent, household } = await residentIn(h, tree.building);
    const res = await agent.get('/api/portal/home');
    expect(res.statusCode).toBe(200);
    const body = PortalHomeDto.parse(res.json());
    expect(body.home?.householdId).toBe(household.id);
    expect(body.home?.communityId).toBe(tree.community.id);
    expect(body.home?.address).toContain(tree.building.name);
  });

  it('resident: gets no home when their account is linked to no resident record', async () => {
    const tree = await buildCommunityTree(h.t.db);
    const unlinked = await person(h, 'resident', { areaId: tree.building.id });
    expect(PortalHomeDto.parse((await unlinked.get('/api/portal/home')).json())).toEqual({ home: null });
  });

  it('community staff: cannot use the portal endpoint (403)', async () => {
    const tree = await buildCommunityTree(h.t.db);
    const staff = await person(h, 'community_staff', { areaId: tree.community.id });
    expect((await staff.get('/api/portal/home')).statusCode).toBe(403);
  });

  it('answers 401 when signed out', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/portal/home' })).statusCode).toBe(401);
  });
});
