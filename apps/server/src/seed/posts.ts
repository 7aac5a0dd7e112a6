import { POST_KIND_LABELS, type PostKind } from '@linli/contracts';
import type { dutyLogs, postHolders, posts, roleAssignments } from '../db/schema/index.js';
import type { SeedBuilding, SeedCommunity, SeedNode } from './areas.js';
import type { GeneratedDemo } from './generate.js';
import type { SeedHousehold, SeedPerson } from './people.js';
import type { Rng } from './rng.js';

type PostInsert = typeof posts.$inferInsert;
type HolderInsert = typeof postHolders.$inferInsert;
type LogInsert = typeof dutyLogs.$inferInsert;
export type DemoPosts = { posts: PostInsert[]; holders: HolderInsert[]; logs: LogInsert[] };
/** What the posts need of the party seed: member ids by resident, red-post organisations by building, branches by grid. */
export type PartyRefs = { memberOf: Map<string, string>; redPosts: Map<string, string>; branchOfGrid: Map<string, string> };

const isParty = (p: SeedPerson) => p.political === '01' || p.political === '02';
const byFloor = (a: SeedHousehold, b: SeedHousehold) =>
  a.flat.unitNo - b.flat.unitNo || a.flat.floorNo - b.flat.floorNo || a.flat.flatNo.localeCompare(b.flat.flatNo);

const DUTIES: Record<PostKind, string> = {
  grid_info_officer: '收集网格内民情民意，及时上报安全隐患和矛盾纠纷，协助网格员入户走访',
  building_leader: '联系本楼住户，传达社区通知，组织楼道清洁和邻里互助',
  civility_supervisor: '督导垃圾分类、文明养犬、车辆有序停放，劝导不文明行为',
  red_post_keeper: '守好楼栋红色驿站：每周巡楼，帮办代办，“有事找红管家”',
  other: '',
};
const LOG_TEXT: Record<PostKind, readonly string[]> = {
  grid_info_officer: ['走访网格内独居老人，了解近况', '上报楼道堆物消防隐患一处', '收集居民对停车问题的意见'],
  building_leader: ['传达社区防汛通知', '组织楼道大扫除', '协调邻里漏水纠纷'],
  civility_supervisor: ['早高峰垃圾分类督导', '劝导楼下违停车辆', '清理小区小广告'],
  red_post_keeper: ['巡楼一次，为独居老人代购药品', '帮助住户报修路灯', '红色驿站接待居民来访'],
  other: ['参加社区志愿服务'],
};

/**
 * The demo's posts (设岗定责) and holdings, with duty logs over the last three months. Green Yangyuan: every building
 * a red-post keeper (a party member living in it, the lowest floor first, else one of its grid's members in turn) and
 * a resident building leader unless a user holds that role there; a grid information officer per grid (three grids
 * left open) and a civility supervisor per compound (one claim awaiting confirmation). Anping: grid information
 * officers on most grids and building leaders on about two buildings in three; the rest stay uncovered.
 */
export function demoPosts(
  rng: Rng,
  demo: GeneratedDemo,
  refs: PartyRefs,
  assignments: readonly (typeof roleAssignments.$inferInsert)[],
  now: Date,
): DemoPosts {
  const out: DemoPosts = { posts: [], holders: [], logs: [] };
  const leaders = new Set(assignments.flatMap((a) => (a.role === 'building_leader' && a.areaId ? [a.areaId] : [])));
  const post = (area: SeedNode & { gridId?: string | null; compoundId?: string | null }, kind: PostKind, partyOrgId: string | null) => {
    const row: PostInsert = {
      id: rng.uuid(),
      kind,
      title: POST_KIND_LABELS[kind]['zh-CN'],
      duties: DUTIES[kind],
      areaId: area.id,
      partyOrgId,
      compoundId: area.compoundId ?? null,
      gridId: area.kind === 'grid' ? area.id : (area.gridId ?? null),
      buildingId: area.kind === 'building' ? area.id : null,
      communityId: area.communityId!,
      streetId: area.streetId!,
      districtId: area.districtId!,
    };
    out.posts.push(row);
    return row;
  };
  const hold = (row: PostInsert, p: SeedPerson, status: 'active' | 'claimed' = 'active') => {
    const memberId = refs.memberOf.get(p.id) ?? null;
    const since = new Date(now.getTime() - rng.int(100, 700) * 86_400_000);
    const holder: HolderInsert = {
      id: rng.uuid(),
      postId: row.id!,
      memberId,
      residentId: p.id,
      status,
      claimedAt: since,
      confirmedAt: status === 'active' ? since : null,
      communityId: row.communityId,
      streetId: row.streetId,
      districtId: row.districtId,
    };
    out.holders.push(holder);
    if (status !== 'active' || !memberId) return;
    for (let i = rng.int(2, 6); i > 0; i--) {
      const on = new Date(now.getTime() - rng.int(1, 90) * 86_400_000).toISOString().slice(0, 10);
      out.logs.push({
        id: rng.uuid(),
        holderId: holder.id!,
        postId: row.id!,
        memberId,
        on,
        hours: rng.int(2, 6) / 2,
        content: rng.pick(LOG_TEXT[row.kind]),
        communityId: row.communityId,
        streetId: row.streetId,
        districtId: row.districtId,
      });
    }
  };
  for (const community of demo.areas.communities) {
    const households = demo.households.filter((h) => h.community === community);
    const inBuilding = new Map<string, SeedHousehold[]>();
    for (const h of households) inBuilding.set(h.flat.building.id, [...(inBuilding.get(h.flat.building.id) ?? []), h]);
    const people = (b: SeedBuilding) => (inBuilding.get(b.id) ?? []).sort(byFloor).flatMap((h) => h.members.map((p) => ({ p, h })));
    const members = (pred: (h: SeedHousehold) => boolean) =>
      households.filter(pred).flatMap((h) => h.members.filter((p) => isParty(p) && p.age <= 70));
    const leaderOf = (b: SeedBuilding, not?: SeedPerson) =>
      people(b).find(({ p, h }) => p !== not && h.tenure === 'owner' && p.residentType === 'registered' && p.age >= 45 && p.age <= 72)?.p;
    const lvyang = community.plan.key === 'lvyang';
    if (lvyang) seedRedPosts(community, people, members, leaderOf, leaders, refs, post, hold);
    community.grids.forEach((g, i) => {
      const row = post(g, 'grid_info_officer', refs.branchOfGrid.get(g.id) ?? null);
      const candidates = members((h) => h.flat.building.gridId === g.id).filter((p) => p.age <= 60);
      if ((lvyang ? i % 5 !== 4 : i % 4 !== 3) && candidates[0]) hold(row, candidates[0]);
    });
    community.compounds.forEach((c, i) => {
      const row = post(c, 'civility_supervisor', null);
      const candidates = members((h) => h.flat.building.compoundId === c.id).filter((p) => p.age <= 65);
      if (candidates[1]) hold(row, candidates[1], lvyang && i === 1 ? 'claimed' : 'active');
    });
    if (!lvyang)
      community.buildings.forEach((b, i) => {
        const row = post(b, 'building_leader', null);
        const leader = i % 3 !== 2 ? leaderOf(b) : undefined;
        if (leader) hold(row, leader);
      });
  }
  return out;
}

function seedRedPosts(
  community: SeedCommunity,
  people: (b: SeedBuilding) => { p: SeedPerson; h: SeedHousehold }[],
  members: (pred: (h: SeedHousehold) => boolean) => SeedPerson[],
  leaderOf: (b: SeedBuilding, not?: SeedPerson) => SeedPerson | undefined,
  leaders: ReadonlySet<string>,
  refs: PartyRefs,
  post: (area: SeedBuilding, kind: PostKind, partyOrgId: string | null) => PostInsert,
  hold: (row: PostInsert, p: SeedPerson) => void,
) {
  const turn = new Map<string, number>();
  for (const b of community.buildings) {
    const grid = members((h) => h.flat.building.gridId === b.gridId);
    const n = turn.get(b.gridId) ?? 0;
    const red = people(b).find(({ p }) => isParty(p))?.p ?? grid[n % Math.max(1, grid.length)];
    if (!people(b).some(({ p }) => p === red)) turn.set(b.gridId, n + 1);
    if (red) hold(post(b, 'red_post_keeper', refs.redPosts.get(b.id) ?? null), red);
    if (leaders.has(b.id)) continue;
    const leader = leaderOf(b, red);
    if (leader) hold(post(b, 'building_leader', refs.redPosts.get(b.id) ?? null), leader);
  }
}

/**
 * Volunteers (志愿者): Green Yangyuan's Red Butler group (红管家) — every red-post keeper, topped up with other party
 * members to at least 52 — and, in both communities, about one adult in forty. Picked by id order, so the seed stays stable.
 */
export function demoVolunteers(demo: GeneratedDemo, seeded: DemoPosts): string[] {
  const lvyang = demo.areas.communities.find((c) => c.plan.key === 'lvyang');
  const people = demo.households.flatMap((h) => h.members.map((p) => ({ p, h }))).sort((a, b) => a.p.id.localeCompare(b.p.id));
  const redPosts = new Set(seeded.posts.filter((p) => p.kind === 'red_post_keeper').map((p) => p.id));
  const chosen = new Set(seeded.holders.filter((h) => redPosts.has(h.postId)).map((h) => h.residentId!));
  for (const { p } of people.filter(({ p, h }) => h.community === lvyang && isParty(p) && p.age <= 75))
    if (chosen.size < 52) chosen.add(p.id);
  people.filter(({ p }) => p.age >= 18 && p.age <= 75 && !chosen.has(p.id)).forEach(({ p }, i) => i % 40 === 0 && chosen.add(p.id));
  return [...chosen];
}
