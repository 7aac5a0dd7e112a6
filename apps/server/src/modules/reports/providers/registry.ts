import { CARE_TAG_LABELS, CareTag, type ReportSlice, type ReportValues } from '@linli/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/pool.js';
import { areaNodes, flats, households, residents } from '../../../db/schema/index.js';
import { type RegistryRow, readRegistryRows } from '../../figures/registry-rollup-read.js';
import { childOf, inArea } from './columns.js';
import { type ProviderResult, type ReportProvider, type ReportTarget, addValue } from './types.js';

/** Buildings with a building map (flats drawn) per child area: a few thousand area rows, always read from the map. */
export function buildingsSql(t: ReportTarget) {
  return sql`
    SELECT 'b' AS k, ${childOf(areaNodes, t)} AS g, null::text AS tag, count(*)::int AS a, 0 AS b, 0 AS c FROM ${areaNodes}
    WHERE ${inArea(areaNodes, t)} AND ${areaNodes.kind} = 'building'
      AND EXISTS (SELECT 1 FROM ${flats} WHERE ${flats.buildingId} = ${areaNodes.id})
    GROUP BY 2`;
}

/** One statement over the registry: people, households, mapped buildings, and the care tags on people and households. */
export function registrySql(t: ReportTarget) {
  const liveResidents = sql`${inArea(residents, t)} AND ${residents.status} = 'active'`;
  const liveHouseholds = sql`${inArea(households, t)} AND ${households.status} = 'active'`;
  return sql`
    WITH r AS (
      SELECT ${childOf(residents, t)} AS g, count(*)::int AS a,
        count(*) FILTER (WHERE ${residents.residentType} = 'floating')::int AS b,
        count(*) FILTER (WHERE cardinality(${residents.tags}) > 0)::int AS c
      FROM ${residents} WHERE ${liveResidents} GROUP BY 1),
    h AS (
      SELECT ${childOf(households, t)} AS g, count(*)::int AS a, count(*) FILTER (WHERE cardinality(${households.tags}) > 0)::int AS c
      FROM ${households} WHERE ${liveHouseholds} GROUP BY 1),
    tg AS (
      SELECT x.tag, count(*)::int AS a FROM (
        SELECT unnest(${residents.tags}) AS tag FROM ${residents} WHERE ${liveResidents} AND cardinality(${residents.tags}) > 0
        UNION ALL
        SELECT unnest(${households.tags}) FROM ${households} WHERE ${liveHouseholds} AND cardinality(${households.tags}) > 0) x
      GROUP BY x.tag)
    SELECT 'r' AS k, g, null::text AS tag, a, b, c FROM r
    UNION ALL SELECT 'h', g, null, a, 0, c FROM h
    UNION ALL (${buildingsSql(t)})
    UNION ALL SELECT 't', null, tag, a, 0, 0 FROM tg`;
}

function tagName(code: string, t: ReportTarget): string {
  const known = CareTag.safeParse(code);
  return known.success ? CARE_TAG_LABELS[known.data][t.locale] : code;
}

/** 一户一档: residents, households, floating population, people and households under care, mapped buildings. */
export const registryProvider: ReportProvider = {
  module: 'registry',
  keys: ['residents', 'households', 'floating', 'careTagged', 'buildingsMapped'],
  collect: (db, t) => collectRegistry(db, t),
};

/**
 * The registry's figures of the area: from the rollups (modules/figures/registry-rollup-read.ts), or with `scan`
 * from the registry itself (what the rollups are tested against).
 */
export async function collectRegistry(db: Db, t: ReportTarget, read: 'rollup' | 'scan' = 'rollup'): Promise<ProviderResult> {
  const rows =
    read === 'rollup'
      ? await readRegistryRows(db, t, { scan: registrySql(t), buildings: buildingsSql(t) })
      : (await db.execute<RegistryRow>(registrySql(t))).rows;
  const children = new Map<string, ReportValues>();
  const sum = { residents: 0, households: 0, floating: 0, careTagged: 0, buildingsMapped: 0 };
  const by: ReportSlice[] = [];
  const add = (g: string | null, key: keyof typeof sum, n: number) => {
    sum[key] += n;
    addValue(children, g, key, n);
  };
  for (const r of rows) {
    if (r.k === 'r') {
      add(r.g, 'residents', r.a);
      add(r.g, 'floating', r.b);
      add(r.g, 'careTagged', r.c);
    } else if (r.k === 'h') {
      add(r.g, 'households', r.a);
      add(r.g, 'careTagged', r.c);
    } else if (r.k === 'b') add(r.g, 'buildingsMapped', r.a);
    else if (r.tag) by.push({ key: r.tag, name: tagName(r.tag, t), value: r.a });
  }
  by.sort((x, y) => y.value - x.value || x.key.localeCompare(y.key));
  const figures = {
    residents: { value: sum.residents },
    households: { value: sum.households },
    floating: { value: sum.floating },
    careTagged: { value: sum.careTagged, by },
    buildingsMapped: { value: sum.buildingsMapped },
  };
  return { figures, children, months: new Map() };
}
