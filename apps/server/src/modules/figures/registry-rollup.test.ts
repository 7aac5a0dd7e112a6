import { type AreaKind, localDate } from '@linli/contracts';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { careTagSettings, householdLastVisits, households, residents } from '../../db/schema/index.js';
import { type AreaRow, type Tree, buildArea, buildCommunityTree, buildHousehold, useTestDb } from '../../testing/index.js';
import { reportPeriod } from '../reports/period.js';
import { REPORT_LEVELS } from '../reports/policy.js';
import { collectRegistry } from '../reports/providers/registry.js';
import type { ProviderResult, ReportTarget } from '../reports/providers/types.js';
import { collectVisits } from '../reports/providers/visits.js';
import { runRegistryRollupPass } from './registry-rollup.js';
import { shiftDate } from './rollup-span.js';

const t = useTestDb();
const TODAY = localDate();

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed;
  const next = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}
const r = rng(20_261_208);

const TAGS = ['elderly_alone', 'disabled', 'low_income', 'key_care', 'left_behind_child', 'own_tag'] as const;
const TYPES = ['registered', 'registered', 'floating', 'away'] as const;
const tags = () => (r.next() < 0.5 ? [] : [...new Set([r.pick(TAGS), ...(r.next() < 0.3 ? [r.pick(TAGS)] : [])])]);
const status = () => (r.next() < 0.85 ? 'active' : r.pick(['moved_out', 'deceased'] as const));

let trees: Tree[];
let grid2: AreaRow;
let buildings: AreaRow[];

async function addHousehold() {
  const building = r.pick(buildings);
  const hh = await buildHousehold(t.db, building, {
    tags: tags(),
    members: 1 + r.int(4),
    head: { idNumber: null, tags: tags(), residentType: r.pick(TYPES), status: status() },
  });
  for (const m of hh.members.slice(1))
    await t.db
      .update(residents)
      .set({ tags: tags(), residentType: r.pick(TYPES), status: status() })
      .where(eq(residents.id, m.id));
  await t.pool.query(`UPDATE households SET created_at = now() - $2 * interval '1 day', status = $3 WHERE id = $1`, [
    hh.id,
    r.int(200),
    r.next() < 0.9 ? 'active' : 'moved_out',
  ]);
  if (r.next() < 0.6) await t.db.insert(householdLastVisits).values({ householdId: hh.id, lastVisitedOn: shiftDate(TODAY, -r.int(150)) });
}

function targetOf(area: AreaRow, to: string): ReportTarget {
  const levels = REPORT_LEVELS[area.kind as AreaKind]!;
  return {
    area: { id: area.id, kind: area.kind as AreaKind },
    level: levels.level,
    childLevel: levels.child?.level ?? null,
    ...reportPeriod({ to }),
    locale: 'zh-CN',
  };
}

const plain = (p: ProviderResult) =>
  JSON.parse(JSON.stringify({ figures: p.figures, children: Object.fromEntries(p.children), months: Object.fromEntries(p.months) }));

/** Every level and three report days: the providers as the report reads them (rollups) against a full scan. */
async function compareAll(which: 'registry' | 'visits' | 'both' = 'both'): Promise<number> {
  let overdue = 0;
  const areas = [trees[0]!.district, trees[0]!.street, trees[2]!.street, trees[0]!.community, trees[1]!.community, trees[0]!.grid, grid2];
  for (const to of [TODAY, shiftDate(TODAY, -20), shiftDate(TODAY, -90)])
    for (const area of areas) {
      const target = targetOf(area, to);
      const label = `${area.kind} ${area.code} on ${to}`;
      if (which !== 'visits')
        expect(plain(await collectRegistry(t.db, target)), label).toEqual(plain(await collectRegistry(t.db, target, 'scan')));
      if (which !== 'registry') {
        const rolled = await collectVisits(t.db, target);
        expect(plain(rolled), label).toEqual(plain(await collectVisits(t.db, target, 'scan')));
        overdue += rolled.figures.visitsOverdue?.value ?? 0;
      }
    }
  return overdue;
}

const count = async (table: string) => (await t.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

beforeAll(async () => {
  const first = await buildCommunityTree(t.db);
  const second = await buildCommunityTree(t.db, first.street);
  trees = [first, second, await buildCommunityTree(t.db, await buildArea(t.db, 'street', first.district))];
  grid2 = await buildArea(t.db, 'grid', first.community);
  buildings = [...trees.map((x) => x.building), await buildArea(t.db, 'building', first.compound, { gridId: grid2.id })];
  const setting = (c: AreaRow, code: string, visitEveryDays: number | null, active = true) => ({
    communityId: c.id,
    streetId: c.streetId!,
    districtId: c.districtId!,
    code,
    labelZh: code,
    labelEn: code,
    color: 'blue',
    appliesTo: 'both' as const,
    visitEveryDays,
    active,
  });
  await t.db
    .insert(careTagSettings)
    .values([
      setting(second.community, 'elderly_alone', 7),
      setting(second.community, 'own_tag', 10),
      setting(first.community, 'disabled', 30, false),
    ]);
  for (let i = 0; i < 90; i++) await addHousehold();
}, 120_000);

describe('registry and overdue-visit rollups', { timeout: 180_000 }, () => {
  it('give the full scan’s figures before the job ever ran', async () => {
    expect(await count('registry_rollup_state')).toBe(0);
    expect(await compareAll()).toBeGreaterThan(0);
  });

  it('once built by the job, answer every level and report day exactly as a full scan', async () => {
    expect(await runRegistryRollupPass(t.db)).toMatchObject({ built: true, more: false });
    expect(await count('registry_figure_marks')).toBe(0);
    expect(await count('registry_figure_cells')).toBeGreaterThan(4);
    expect(await count('registry_tag_cells')).toBeGreaterThan(4);
    expect(await count('visit_due_cells')).toBeGreaterThan(4);
    expect(await compareAll()).toBeGreaterThan(0);
  });

  it('stay exact after registry, last-visit and care-tag changes: marked cells read from the registry, then rebuilt', async () => {
    const people = await t.db.select().from(residents);
    const homes = await t.db.select().from(households);
    for (const p of people.slice(0, 30)) {
      const change = r.int(4);
      if (change === 0) await t.db.update(residents).set({ tags: tags() }).where(eq(residents.id, p.id));
      else if (change === 1)
        await t.db
          .update(residents)
          .set({ status: status(), residentType: r.pick(TYPES) })
          .where(eq(residents.id, p.id));
      else if (change === 2) {
        const to = r.pick(homes);
        const { districtId, streetId, communityId, gridId, buildingId } = to;
        await t.db
          .update(residents)
          .set({ householdId: to.id, districtId, streetId, communityId, gridId, buildingId })
          .where(eq(residents.id, p.id));
      } else await t.db.delete(residents).where(eq(residents.id, p.id));
    }
    for (const h of homes.slice(0, 12)) {
      const change = r.int(4);
      if (change === 0) await t.db.update(households).set({ tags: tags() }).where(eq(households.id, h.id));
      else if (change === 1) await t.db.update(households).set({ status: 'moved_out' }).where(eq(households.id, h.id));
      else if (change === 2 && h.communityId === trees[0]!.community.id)
        await t.db
          .update(households)
          .set({ gridId: h.gridId === grid2.id ? trees[0]!.grid.id : grid2.id })
          .where(eq(households.id, h.id));
      else await t.pool.query(`UPDATE households SET created_at = created_at - interval '40 days' WHERE id = $1`, [h.id]);
    }
    for (const h of homes.slice(12, 30))
      if (r.next() < 0.3) await t.db.delete(householdLastVisits).where(eq(householdLastVisits.householdId, h.id));
      else
        await t.db
          .insert(householdLastVisits)
          .values({ householdId: h.id, lastVisitedOn: shiftDate(TODAY, -r.int(60)) })
          .onConflictDoUpdate({ target: householdLastVisits.householdId, set: { lastVisitedOn: shiftDate(TODAY, -r.int(60)) } });
    await t.db.update(careTagSettings).set({ visitEveryDays: 3 }).where(eq(careTagSettings.communityId, trees[1]!.community.id));
    for (let i = 0; i < 10; i++) await addHousehold();
    const marks = await count('registry_figure_marks');
    expect(marks).toBeGreaterThan(0);
    await compareAll();
    // a read computes the marked cells without writing them
    expect(await count('registry_figure_marks')).toBe(marks);
    expect(await runRegistryRollupPass(t.db)).toMatchObject({ built: false, more: false });
    expect(await count('registry_figure_marks')).toBe(0);
    expect(await compareAll()).toBeGreaterThan(0);
  });

  it('are what the reads use: a cell added by hand shows in the figures (so the comparisons above compare something)', async () => {
    const c = trees[0]!.community;
    const key = [c.districtId, c.streetId, c.id, trees[0]!.grid.id];
    await t.pool.query(
      `INSERT INTO visit_due_cells (district_id, street_id, community_id, grid_id, due_on, households) VALUES ($1, $2, $3, $4, '2001-01-01', 3)`,
      key,
    );
    await expect(compareAll('visits')).rejects.toThrow();
    await t.pool.query(`DELETE FROM visit_due_cells WHERE due_on = '2001-01-01'`);
    await compareAll('visits');
    await t.pool.query(
      `INSERT INTO registry_figure_cells (district_id, street_id, community_id, grid_id, residents, floating, tagged_residents, households, tagged_households)
       VALUES ($1, $2, $3, $4, 5, 1, 1, 0, 0)`,
      key,
    );
    await expect(compareAll('registry')).rejects.toThrow();
  });
});
