import { describe, expect, it } from 'vitest';
import { createPii, loadPiiKeys } from '../core/pii.js';
import { generateDemo } from './generate.js';
import { DEMO_SEED } from './index.js';
import { seedPartyMembers } from './party-tree.js';
import { demoPosts, demoVolunteers } from './posts.js';
import { createRng } from './rng.js';

describe('demo posts', () => {
  const now = new Date(Date.UTC(2025, 5, 1));
  const demo = generateDemo({ seed: DEMO_SEED, now });
  const [anping, lvyang] = demo.areas.communities;
  const leaderBuilding = lvyang!.buildings[0]!.id;
  const rng = createRng(DEMO_SEED + 1);
  const pii = createPii(loadPiiKeys({ secretKey: 'posts test', dataDir: '/nonexistent' }));
  const party = seedPartyMembers(rng, demo.party, now, pii);
  const memberOf = new Map(party.rows.flatMap((m) => (m.residentId ? [[m.residentId, m.id!] as const] : [])));
  const orgs = demo.party.flatMap((p) => p.rows);
  const branchOfGrid = new Map(orgs.flatMap((o) => (o.kind === 'branch' && o.gridId === o.areaId ? [[o.areaId, o.id!] as const] : [])));
  const seeded = demoPosts(
    rng,
    demo,
    { memberOf, redPosts: party.redPosts, branchOfGrid },
    [{ userId: 'u', role: 'building_leader', areaId: leaderBuilding }],
    now,
  );
  const people = new Map(demo.households.flatMap((h) => h.members.map((p) => [p.id, { p, h }] as const)));
  const holderOf = new Map(seeded.holders.map((h) => [h.postId, h]));

  it('puts a red post in the tree on every Green Yangyuan building, kept by a party member, mostly living in it', () => {
    const red = seeded.posts.filter((p) => p.kind === 'red_post_keeper');
    expect(new Set(red.map((p) => p.buildingId)).size).toBe(134);
    expect(orgs.filter((o) => o.kind === 'red_post')).toHaveLength(134);
    for (const p of red) expect(['01', '02']).toContain(people.get(holderOf.get(p.id!)!.residentId!)!.p.political);
    for (const p of red) expect(holderOf.get(p.id!)!.memberId).toBeTruthy();
    const living = red.filter((p) => people.get(holderOf.get(p.id!)!.residentId!)!.h.flat.building.id === p.buildingId);
    expect(living.length).toBeGreaterThan(134 * 0.6);
    expect(anping!.buildings.some((b) => red.some((p) => p.buildingId === b.id))).toBe(false);
  });

  it('names a resident building leader living in the building, except where a user holds the role; leaves some areas uncovered', () => {
    const leaders = seeded.posts.filter((p) => p.kind === 'building_leader' && p.communityId === lvyang!.node.id);
    expect(leaders.some((p) => p.buildingId === leaderBuilding)).toBe(false);
    expect(leaders.length).toBeGreaterThan(120);
    for (const p of leaders) expect(people.get(holderOf.get(p.id!)!.residentId!)!.h.flat.building.id).toBe(p.buildingId);
    const openGrids = seeded.posts.filter((p) => p.kind === 'grid_info_officer' && !holderOf.has(p.id!));
    expect(openGrids.length).toBeGreaterThanOrEqual(3);
    expect(seeded.holders.filter((h) => h.status === 'claimed')).toHaveLength(1);
    expect(seeded.logs.length).toBeGreaterThan(300);
  });

  it('makes the red-post keepers Red Butler volunteers, and about one adult in forty a volunteer', () => {
    const volunteers = demoVolunteers(demo, seeded);
    const ids = new Set(volunteers);
    expect(ids.size).toBe(volunteers.length);
    for (const p of seeded.posts.filter((x) => x.kind === 'red_post_keeper')) expect(ids.has(holderOf.get(p.id!)!.residentId!)).toBe(true);
    const adults = [...people.values()].filter(({ p }) => p.age >= 18 && p.age <= 75).length;
    expect(volunteers.length).toBeGreaterThan(adults / 45);
    expect(volunteers.length).toBeLessThan(adults / 35 + 60);
    expect(demoVolunteers(demo, seeded)).toEqual(volunteers);
  });
});
