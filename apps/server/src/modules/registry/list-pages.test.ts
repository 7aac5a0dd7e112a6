import { randomUUID } from 'node:crypto';
import type { Role } from '@linli/contracts';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Actor, buildActor } from '../../core/actor.js';
import { households, residents } from '../../db/schema/index.js';
import {
  type AreaRow,
  type Tree,
  buildArea,
  buildCommunityTree,
  buildFlat,
  buildHousehold,
  buildResident,
  useTestDb,
} from '../../testing/index.js';
import { listHouseholdIds } from './repo-household-page.js';
import { searchResidentIds } from './repo-resident-page.js';
import { type HouseholdFilter, type ResidentFilter, searchScope } from './repo-search.js';

const t = useTestDb();

const actorOn = (role: Role, area: AreaRow): Actor =>
  buildActor({
    userId: randomUUID(),
    username: role,
    displayName: role,
    locale: 'zh-CN',
    residentId: null,
    assignments: [
      {
        role,
        areaId: area.id,
        areaKind: area.kind,
        orgId: null,
        districtId: area.districtId,
        streetId: area.streetId,
        communityId: area.communityId,
        compoundId: area.compoundId,
        gridId: area.gridId,
        buildingId: area.buildingId,
      },
    ],
  });

let A: Tree;
let B: Tree;
let C: Tree;
const outside = new Set<string>();
let flatNo = 100;

/** `n` households in `building`, flats on several units and floors, each with a head and 0–2 more members. */
async function fill(building: AreaRow, n: number, names: string[]): Promise<{ households: string[]; residents: string[] }> {
  const out = { households: [] as string[], residents: [] as string[] };
  for (let i = 0; i < n; i++) {
    const flat = await buildFlat(t.db, building, { unitNo: 1 + (i % 2), floorNo: 1 + ((i * 7) % 5), flatNo: String(++flatNo) });
    const h = await buildHousehold(t.db, building, { flatId: flat.id, head: { name: names[i % names.length]! } });
    out.households.push(h.id);
    out.residents.push(h.members[0]!.id);
    for (let m = 0; m < i % 3; m++)
      out.residents.push((await buildResident(t.db, h, { name: names[(i + m + 1) % names.length]!, relation: `2${m}` })).id);
  }
  return out;
}

beforeAll(async () => {
  A = await buildCommunityTree(t.db);
  B = await buildCommunityTree(t.db, A.street);
  C = await buildCommunityTree(t.db);
  const names = ['王伟', '李晶', '王芳', '张王', '赵六', '王'];
  const b2 = await buildArea(t.db, 'building', A.compound, { gridId: A.grid.id });
  await fill(A.building, 6, names);
  await fill(b2, 5, names);
  await fill(B.building, 4, names);
  const other = await fill(C.building, 3, names);
  for (const id of [...other.households, ...other.residents]) outside.add(id);
  // two households of A without a building (one moved out): they come last in the address order
  const loose = (await fill(A.building, 2, names)).households;
  await t.db.update(households).set({ buildingId: null, flatId: null }).where(inArray(households.id, loose));
  await t.db.update(residents).set({ buildingId: null }).where(inArray(residents.householdId, loose));
  await t.db.update(households).set({ status: 'moved_out' }).where(eq(households.id, loose[0]!));
});

/** Every page of size 3, and one past the end. */
async function pages<P>(load: (page: number) => Promise<P>, total: number): Promise<P[]> {
  const out: P[] = [];
  for (let page = 1; page <= Math.ceil(total / 3) + 1; page++) out.push(await load(page));
  return out;
}

describe('resident search pages', () => {
  const cases: [string, () => Actor, string | undefined][] = [
    ['community user, one character', () => actorOn('community_staff', A.community), '王'],
    ['street user, one character', () => actorOn('street_supervisor', A.street), '王'],
    ['street user, no query', () => actorOn('street_supervisor', A.street), undefined],
    ['grid user, two characters', () => actorOn('grid_worker', A.grid), '王伟'],
  ];
  it.each(cases)('%s: past the cap the walk in address order gives the sorted search’s pages, the total capped', async (_, actor, q) => {
    const f: ResidentFilter = { scope: searchScope(actor()), status: 'active', q: q ? { kind: 'name', text: q } : undefined };
    const sorted = await searchResidentIds(t.db, f, { page: 1, pageSize: 1_000 });
    expect(sorted.totalCapped).toBe(false);
    expect(sorted.ids).toHaveLength(sorted.total);
    expect(sorted.ids.filter((id) => outside.has(id))).toEqual([]);
    const cap = 3;
    expect(sorted.total).toBeGreaterThan(cap);
    const walked = await pages((page) => searchResidentIds(t.db, f, { page, pageSize: 3 }, cap), sorted.total);
    const exact = await pages((page) => searchResidentIds(t.db, f, { page, pageSize: 3 }), sorted.total);
    expect(walked.map((p) => p.ids)).toEqual(exact.map((p) => p.ids));
    expect(walked.flatMap((p) => p.ids)).toEqual(sorted.ids);
    for (const p of walked) expect(p).toMatchObject({ total: cap, totalCapped: true });
    for (const p of exact) expect(p).toMatchObject({ total: sorted.total, totalCapped: false });
  });

  it('a count that stops exactly at the cap is capped; one below it is exact', async () => {
    const f: ResidentFilter = {
      scope: searchScope(actorOn('community_staff', A.community)),
      status: 'active',
      q: { kind: 'name', text: '王' },
    };
    const { total } = await searchResidentIds(t.db, f, { page: 1, pageSize: 3 });
    expect(await searchResidentIds(t.db, f, { page: 1, pageSize: 3 }, total)).toMatchObject({ total, totalCapped: true });
    expect(await searchResidentIds(t.db, f, { page: 1, pageSize: 3 }, total + 1)).toMatchObject({ total, totalCapped: false });
  });
});

describe('household list pages', () => {
  const cases: [string, () => Actor, string][] = [
    ['community user', () => actorOn('community_staff', A.community), 'active'],
    ['street user', () => actorOn('street_supervisor', A.street), 'active'],
    ['grid user', () => actorOn('grid_worker', A.grid), 'active'],
    ['community user, moved out', () => actorOn('community_staff', A.community), 'moved_out'],
  ];
  it.each(cases)('%s: the prepared statements give the pages and totals of the query built per request', async (_, actor, status) => {
    const scope = searchScope(actor());
    expect(scope.area).not.toBeNull();
    const prepared: HouseholdFilter = { scope, status };
    const built: HouseholdFilter = { scope: { ...scope, area: null }, status };
    const all = await listHouseholdIds(t.db, built, { page: 1, pageSize: 1_000 });
    expect(all.total).toBeGreaterThan(0);
    expect(all.ids).toHaveLength(all.total);
    expect(all.ids.filter((id) => outside.has(id))).toEqual([]);
    const byPrepared = await pages((page) => listHouseholdIds(t.db, prepared, { page, pageSize: 3 }), all.total);
    const byBuilt = await pages((page) => listHouseholdIds(t.db, built, { page, pageSize: 3 }), all.total);
    expect(byPrepared).toEqual(byBuilt);
    expect(byPrepared.flatMap((p) => p.ids)).toEqual(all.ids);
  });
});
