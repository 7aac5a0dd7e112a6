import { describe, expect, it } from 'vitest';
import { generateDemo } from './generate.js';
import { DEMO_SEED } from './index.js';
import { demoPosts, demoVolunteers } from './posts.js';

describe('demo building posts', () => {
  const demo = generateDemo({ seed: DEMO_SEED, now: new Date(Date.UTC(2025, 5, 1)) });
  const [anping, lvyang] = demo.areas.communities;
  const leaderBuilding = lvyang!.buildings[0]!.id;
  const posts = demoPosts(demo, [{ userId: 'u', role: 'building_leader', areaId: leaderBuilding }]);
  const people = new Map(demo.households.flatMap((h) => h.members.map((p) => [p.id, { p, h }] as const)));

  it('gives every Green Yangyuan building one red-post party member, mostly living in it', () => {
    const red = posts.filter((p) => p.post === 'red_post');
    expect(new Set(red.map((p) => p.buildingId)).size).toBe(134);
    expect(red).toHaveLength(134);
    for (const p of red) expect(['01', '02']).toContain(people.get(p.residentId)!.p.political);
    const living = red.filter((p) => people.get(p.residentId)!.h.flat.building.id === p.buildingId);
    expect(living.length).toBeGreaterThan(134 * 0.6);
    expect(posts.every((p) => p.communityId === lvyang!.node.id)).toBe(true);
    expect(anping!.buildings.some((b) => posts.some((p) => p.buildingId === b.id))).toBe(false);
  });

  it('names a resident building leader living in the building, except where a user holds the role', () => {
    const leaders = posts.filter((p) => p.post === 'building_leader');
    expect(leaders.some((p) => p.buildingId === leaderBuilding)).toBe(false);
    expect(leaders.length).toBeGreaterThan(120);
    for (const p of leaders) expect(people.get(p.residentId)!.h.flat.building.id).toBe(p.buildingId);
  });

  it('makes the red-post members Red Butler volunteers, and about one adult in forty a volunteer', () => {
    const volunteers = demoVolunteers(demo, posts);
    const ids = new Set(volunteers);
    expect(ids.size).toBe(volunteers.length);
    for (const p of posts.filter((x) => x.post === 'red_post')) expect(ids.has(p.residentId)).toBe(true);
    const lvyangParty = volunteers.filter((id) => {
      const { p, h } = people.get(id)!;
      return h.community === lvyang && ['01', '02'].includes(p.political);
    });
    expect(lvyangParty.length).toBeGreaterThanOrEqual(52);
    const adults = [...people.values()].filter(({ p }) => p.age >= 18 && p.age <= 75).length;
    expect(volunteers.length).toBeGreaterThan(adults / 45);
    expect(volunteers.length).toBeLessThan(adults / 35 + 60);
    expect(demoVolunteers(demo, posts)).toEqual(volunteers);
  });
});
