import { sql } from 'drizzle-orm';
import type { Pii } from '../apps/server/src/core/pii.js';
import type { Db } from '../apps/server/src/db/pool.js';
import { areaNodes, flats, households, partyOrgs, residents } from '../apps/server/src/db/schema/index.js';
import { areaSink, buildCommunity } from '../apps/server/src/seed/areas.js';
import { tagCare } from '../apps/server/src/seed/care.js';
import { seedParty } from '../apps/server/src/seed/party.js';
import { type PeopleContext, populateCommunity } from '../apps/server/src/seed/people.js';
import { createRng } from '../apps/server/src/seed/rng.js';
import { householdRow, insertBatches, residentRow } from '../apps/server/src/seed/rows.js';
import { type DistrictSize, planDistrict } from './district-plan.js';

export type GenerateDistrictOptions = DistrictSize & {
  /** a database migrated by the server's migrate function, holding no areas yet */
  db: Db;
  pii: Pii;
  seed: number;
  /** ages are counted back from here */
  now?: Date;
  log?: (msg: string) => void;
};

export type DistrictCounts = {
  streets: number;
  communities: number;
  grids: number;
  buildings: number;
  flats: number;
  households: number;
  residents: number;
};

/** 1,000 grids, 210,000 households, 860,000 residents: the district of issue 3's speed targets. */
export const DISTRICT_SCALE: DistrictSize = { grids: 1_000, households: 210_000, residents: 860_000 };
/** DISTRICT_SCALE, or a fraction of it with BENCH_SCALE=0.1 (for trying the benches quickly). */
export function districtScale(): DistrictSize {
  const f = Number(process.env.BENCH_SCALE ?? 1);
  const { grids, households, residents } = DISTRICT_SCALE;
  return f === 1
    ? DISTRICT_SCALE
    : { grids: Math.round(grids * f), households: Math.round(households * f), residents: Math.round(residents * f) };
}
/** One community of about 12,000 residents, with the district's household sizes. */
export const COMMUNITY_SCALE: DistrictSize = { grids: 15, households: 2_930, residents: 12_000 };

/** Drops the tables' indexes except primary keys (bulk loads are several times faster); returns their rebuild. */
async function dropSecondaryIndexes(db: Db, tables: string[]): Promise<() => Promise<void>> {
  const found = await db.execute<{ name: string; def: string }>(
    sql`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ${tables} AND indexname NOT LIKE '%_pkey'`,
  );
  for (const { name } of found.rows) await db.execute(sql`DROP INDEX ${sql.identifier(name)}`);
  return async () => {
    for (const { def } of found.rows) await db.execute(sql.raw(def));
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const quiet = (label: string) => ({ label, log: () => undefined });

/**
 * Writes a district (district → streets → communities → compounds, grids → buildings → flats → households →
 * residents) straight into `db` with the demo seed's generators and row conventions: ancestor ids on every row,
 * ID numbers and phones encrypted with their lookup hash and tails, pinyin initials, care tags, party branches.
 * One community at a time, each in its own transaction, so memory stays at one community's rows (plus the sets
 * that keep ID numbers and phones unique across the district).
 */
export async function generateDistrict(opts: GenerateDistrictOptions): Promise<{ counts: DistrictCounts; seconds: number }> {
  const started = performance.now();
  const log = opts.log ?? ((m: string) => console.log(m));
  const plan = planDistrict(opts.seed, opts);
  const rng = createRng(opts.seed);
  const top = areaSink(rng);
  const district = top.node('district', plan.code, plan.name, null);
  const streets = plan.streets.map((s) => ({ plan: s, node: top.node('street', s.code, s.name, district) }));
  await opts.db.transaction((tx) => insertBatches(tx, areaNodes, top.areaRows, quiet('district')));
  const restoreIndexes = await dropSecondaryIndexes(opts.db, ['households', 'residents']);

  const ctx: PeopleContext = { rng, now: opts.now ?? new Date(), usedIds: new Set(), usedPhones: new Set() };
  const counts: DistrictCounts = { streets: streets.length, communities: 0, grids: 0, buildings: 0, flats: 0, households: 0, residents: 0 };
  const total = streets.reduce((s, st) => s + st.plan.communities.length, 0);
  for (const street of streets) {
    for (const communityPlan of street.plan.communities) {
      const sink = areaSink(rng);
      const community = buildCommunity(rng, sink, communityPlan, street.node);
      const hs = populateCommunity(ctx, community);
      tagCare(rng, hs);
      const party = seedParty(rng, community, hs);
      const residentRows = hs.flatMap((h) => h.members.map((p) => residentRow(p, h, opts.pii)));
      await opts.db.transaction(async (tx) => {
        await insertBatches(tx, areaNodes, sink.areaRows, quiet('areas'));
        await insertBatches(tx, flats, sink.flatRows, quiet('flats'));
        await insertBatches(tx, partyOrgs, party.rows, quiet('party organisations'));
        await insertBatches(tx, households, hs.map(householdRow), quiet('households'));
        await insertBatches(tx, residents, residentRows, quiet('residents'));
      });
      counts.communities++;
      counts.grids += community.grids.length;
      counts.buildings += community.buildings.length;
      counts.flats += sink.flatRows.length;
      counts.households += hs.length;
      counts.residents += residentRows.length;
      const s = (performance.now() - started) / 1000;
      log(
        `  community ${counts.communities}/${total} ${communityPlan.name}: ${fmt(hs.length)} households, ${fmt(residentRows.length)} residents` +
          ` · total ${fmt(counts.residents)}/${fmt(opts.residents)} residents in ${s.toFixed(0)} s (${fmt(Math.round(counts.residents / s))}/s)`,
      );
    }
  }
  log('  rebuilding the indexes of households and residents');
  await restoreIndexes();
  log('  VACUUM ANALYZE');
  await opts.db.execute(sql`VACUUM ANALYZE`);
  const seconds = (performance.now() - started) / 1000;
  log(
    `generated ${counts.streets} streets, ${counts.communities} communities, ${fmt(counts.grids)} grids, ${fmt(counts.buildings)} buildings, ` +
      `${fmt(counts.flats)} flats, ${fmt(counts.households)} households, ${fmt(counts.residents)} residents in ${seconds.toFixed(1)} s`,
  );
  return { counts, seconds };
}
