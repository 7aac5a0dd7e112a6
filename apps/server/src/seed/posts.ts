import type { buildingPosts, roleAssignments } from '../db/schema/index.js';
import type { SeedCommunity } from './areas.js';
import type { GeneratedDemo } from './generate.js';
import type { SeedHousehold, SeedPerson } from './people.js';

export type BuildingPostInsert = typeof buildingPosts.$inferInsert;

const isParty = (p: SeedPerson) => p.political === '01' || p.political === '02';
const byFloor = (a: SeedHousehold, b: SeedHousehold) =>
  a.flat.unitNo - b.flat.unitNo || a.flat.floorNo - b.flat.floorNo || a.flat.flatNo.localeCompare(b.flat.flatNo);

/**
 * Green Yangyuan's building posts: every building gets a red-post party member (楼栋红色驿站) — one living in it,
 * the lowest floor first, else one of its grid's members in turn — and a resident building leader (楼长) unless
 * a user already holds that role on it.
 */
function seedPosts(community: SeedCommunity, households: readonly SeedHousehold[], leaderBuildings: ReadonlySet<string>) {
  const inBuilding = new Map<string, SeedHousehold[]>();
  for (const h of households)
    if (h.community === community) inBuilding.set(h.flat.building.id, [...(inBuilding.get(h.flat.building.id) ?? []), h]);
  const gridMembers = new Map<string, SeedPerson[]>();
  for (const h of [...inBuilding.values()].flat())
    for (const p of h.members.filter(isParty))
      gridMembers.set(h.flat.building.gridId, [...(gridMembers.get(h.flat.building.gridId) ?? []), p]);
  const turn = new Map<string, number>();
  const rows: BuildingPostInsert[] = [];
  for (const b of community.buildings) {
    const post = (residentId: string, kind: 'red_post' | 'building_leader') =>
      rows.push({
        buildingId: b.id,
        residentId,
        post: kind,
        gridId: b.gridId,
        communityId: b.communityId!,
        streetId: b.streetId!,
        districtId: b.districtId!,
      });
    const people = (inBuilding.get(b.id) ?? []).sort(byFloor).flatMap((h) => h.members.map((p) => ({ p, h })));
    const grid = gridMembers.get(b.gridId) ?? [];
    const n = turn.get(b.gridId) ?? 0;
    const red = people.find(({ p }) => isParty(p))?.p ?? grid[n % Math.max(1, grid.length)];
    if (!people.some(({ p }) => p === red)) turn.set(b.gridId, n + 1);
    if (red) post(red.id, 'red_post');
    if (leaderBuildings.has(b.id)) continue;
    const leader = people.find(
      ({ p, h }) => p !== red && h.tenure === 'owner' && p.residentType === 'registered' && p.age >= 45 && p.age <= 72,
    );
    if (leader) post(leader.p.id, 'building_leader');
  }
  return rows;
}

/** The demo's building posts, in Green Yangyuan; buildings with a building-leader user get no resident leader. */
export function demoPosts(demo: GeneratedDemo, assignments: readonly (typeof roleAssignments.$inferInsert)[]): BuildingPostInsert[] {
  const lvyang = demo.areas.communities.find((c) => c.plan.key === 'lvyang');
  const leaders = new Set(assignments.flatMap((a) => (a.role === 'building_leader' && a.areaId ? [a.areaId] : [])));
  return lvyang ? seedPosts(lvyang, demo.households, leaders) : [];
}

/**
 * Volunteers (志愿者): Green Yangyuan's Red Butler group (红管家) — every red-post member, topped up with other party
 * members to at least 52 — and, in both communities, about one adult in forty. Picked by id order, so the seed stays stable.
 */
export function demoVolunteers(demo: GeneratedDemo, posts: readonly BuildingPostInsert[]): string[] {
  const lvyang = demo.areas.communities.find((c) => c.plan.key === 'lvyang');
  const people = demo.households.flatMap((h) => h.members.map((p) => ({ p, h }))).sort((a, b) => a.p.id.localeCompare(b.p.id));
  const chosen = new Set(posts.filter((p) => p.post === 'red_post').map((p) => p.residentId));
  for (const { p } of people.filter(({ p, h }) => h.community === lvyang && isParty(p) && p.age <= 75))
    if (chosen.size < 52) chosen.add(p.id);
  people.filter(({ p }) => p.age >= 18 && p.age <= 75 && !chosen.has(p.id)).forEach(({ p }, i) => i % 40 === 0 && chosen.add(p.id));
  return [...chosen];
}
