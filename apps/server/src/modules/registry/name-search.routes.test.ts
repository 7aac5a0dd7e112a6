import { randomUUID } from 'node:crypto';
import { HouseholdListItem, ResidentSearchItem, paged } from '@linli/contracts';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { households, residents } from '../../db/schema/index.js';
import { type Agent, type Tree, buildArea, buildCommunityTree, buildHousehold, useTestApp } from '../../testing/index.js';
import { registryKit } from './test-kit.js';

const ctx = useTestApp();
const kit = registryKit(ctx);
const Page = paged(ResidentSearchItem);
const HouseholdPage = paged(HouseholdListItem);

let A: Tree;
let B: Tree;
let staff: Agent;
let street: Agent;
let worker: Agent;
const ids: Record<string, string> = {};

/** A uuid sharing the first 8 hex digits (the name keys' prefix) with `id`, naming no area. */
const samePrefix = (id: string) => id.slice(0, 8) + randomUUID().slice(8);

beforeAll(async () => {
  const db = ctx.t.db;
  A = await buildCommunityTree(db);
  B = await buildCommunityTree(db, A.street);
  const C = await buildCommunityTree(db);
  const grid2 = await buildArea(db, 'grid', A.community);
  const b2 = await buildArea(db, 'building', A.compound, { gridId: grid2.id });
  const add = async (key: string, building: typeof A.building, name: string) => {
    const h = await buildHousehold(db, building, { head: { name } });
    ids[key] = h.members[0]!.id;
    ids[`h:${key}`] = h.id;
  };
  await add('A王伟', A.building, '王伟');
  await add('A王伟东', A.building, '王伟东');
  await add('A李晶', A.building, '李晶');
  await add('AAnna', A.building, 'AnnaLee');
  await add('A2王伟', b2, '王伟');
  await add('B王伟', B.building, '王伟');
  await add('B晶晶', B.building, '晶晶');
  await add('C王伟', C.building, '王伟');
  await add('X王伟', C.building, '王伟');
  // a household of another street whose community and street ids share their key prefixes with A's
  const forged = { communityId: samePrefix(A.community.id), streetId: samePrefix(A.street.id) };
  await db.update(households).set(forged).where(eq(households.id, ids['h:X王伟']!));
  await db.update(residents).set(forged).where(eq(residents.id, ids['X王伟']!));
  staff = await kit.as('community_staff', A.community.id);
  street = await kit.as('street_supervisor', A.street.id);
  worker = await kit.as('grid_worker', A.grid.id);
});

async function found(agent: Agent, q: string): Promise<string[]> {
  const res = await agent.get(`/api/residents?q=${encodeURIComponent(q)}&pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  const page = Page.parse(res.json());
  expect(page.total).toBe(page.items.length);
  const key = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return page.items.map((i) => key[i.id]!).sort();
}

describe('resident name search through the name keys', () => {
  it('community_staff: finds one- and two-character names and pieces in their community only', async () => {
    expect(await found(staff, '王伟')).toEqual(['A2王伟', 'A王伟', 'A王伟东']);
    expect(await found(staff, '晶')).toEqual(['A李晶']);
    expect(await found(staff, '伟东')).toEqual(['A王伟东']);
    expect(await found(staff, '王伟东')).toEqual(['A王伟东']);
    expect(await found(staff, '东王')).toEqual([]);
  });

  it('community_staff: cannot find a row of another community whose id shares the key prefix', async () => {
    expect(await found(staff, '王伟')).not.toContain('X王伟');
  });

  it('street_supervisor: finds names in every community of the street, and nothing outside it', async () => {
    expect(await found(street, '王伟')).toEqual(['A2王伟', 'A王伟', 'A王伟东', 'B王伟']);
    expect(await found(street, '晶')).toEqual(['A李晶', 'B晶晶']);
    expect(await found(street, '晶晶')).toEqual(['B晶晶']);
  });

  it('grid_worker: finds names in their grid only', async () => {
    expect(await found(worker, '王伟')).toEqual(['A王伟', 'A王伟东']);
  });

  it('community_staff: finds a Latin name whatever its case from three letters on', async () => {
    expect(await found(staff, 'annalee')).toEqual(['AAnna']);
    expect(await found(staff, 'AnnaLee')).toEqual(['AAnna']);
    expect(await found(staff, 'An')).toEqual(['AAnna']);
  });
});

describe('household list pages', () => {
  const list = async (agent: Agent, query: string) => {
    const res = await agent.get(`/api/households?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return HouseholdPage.parse(res.json());
  };

  it('street_supervisor: pages through the street in address order, households without a building last', async () => {
    await ctx.t.db
      .update(households)
      .set({ buildingId: null, flatId: null })
      .where(inArray(households.id, [ids['h:A李晶']!, ids['h:B晶晶']!]));
    const { rows } = await ctx.t.pool.query<{ id: string }>(
      `SELECT h.id FROM households h LEFT JOIN flats f ON f.id = h.flat_id LEFT JOIN area_nodes b ON b.id = h.building_id
        WHERE h.street_id = $1 AND h.status = 'active'
        ORDER BY b.code NULLS LAST, f.unit_no, f.floor_no, f.position, h.id`,
      [A.street.id],
    );
    const expected = rows.map((r) => r.id);
    expect(expected.slice(-2).sort()).toEqual([ids['h:A李晶']!, ids['h:B晶晶']!].sort());
    const all = await list(street, 'pageSize=100');
    expect(all.items.map((h) => h.id)).toEqual(expected);
    expect(all.total).toBe(expected.length);
    for (const size of [2, 3, 5]) {
      const pages = [];
      for (let page = 1; (page - 1) * size < expected.length + size; page++) {
        const p = await list(street, `pageSize=${size}&page=${page}`);
        expect(p.total).toBe(expected.length);
        pages.push(...p.items.map((h) => h.id));
      }
      expect(pages).toEqual(expected);
    }
  });
});
