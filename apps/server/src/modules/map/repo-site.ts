import type { AreaKind } from '@linli/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/actor.js';
import { scopeColumnsOf, scopeFilter } from '../../core/scope.js';
import type { Tx } from '../../db/pool.js';
import { areaNodes, flats, households, residents } from '../../db/schema/index.js';
import { type Conn, PARTY } from './repo.js';

const SITE_LEVEL: Partial<Record<AreaKind, AnyPgColumn>> = {
  community: areaNodes.communityId,
  compound: areaNodes.compoundId,
  grid: areaNodes.gridId,
};

const SCOPE_COLUMNS = scopeColumnsOf(areaNodes);

export type SiteBuildingRow = {
  id: string;
  code: string;
  name: string;
  compoundId: string | null;
  compoundName: string | null;
  gridId: string | null;
  gridName: string | null;
  mapX: number | null;
  mapY: number | null;
  flats: number;
  units: number;
  floors: number;
  vacant: number;
};

/** The buildings of a community, compound or grid inside the actor's registry scope, by code, with their flat counts. */
export async function listSiteBuildings(db: Conn, actor: Actor, site: { id: string; kind: AreaKind }): Promise<SiteBuildingRow[]> {
  const level = SITE_LEVEL[site.kind];
  if (!level) return [];
  // written out: the correlated subqueries must name the outer row explicitly
  const rows = await db.execute<SiteBuildingRow>(sql`select b.id, b.code, b.name, b.compound_id as "compoundId", c.name as "compoundName",
      b.grid_id as "gridId", g.name as "gridName", b.map_x as "mapX", b.map_y as "mapY",
      coalesce(fs.flats, 0)::int as flats, coalesce(fs.units, 0)::int as units, coalesce(fs.floors, 0)::int as floors,
      coalesce(fs.vacant, 0)::int as vacant
    from (select ${areaNodes.id} as id, ${areaNodes.code} as code, ${areaNodes.name} as name, ${areaNodes.compoundId} as compound_id,
            ${areaNodes.gridId} as grid_id, ${areaNodes.mapX} as map_x, ${areaNodes.mapY} as map_y
          from ${areaNodes}
          where ${and(eq(areaNodes.kind, 'building'), eq(level, site.id), scopeFilter(actor, 'registry.read', SCOPE_COLUMNS))}) b
    left join ${areaNodes} c on c.id = b.compound_id
    left join ${areaNodes} g on g.id = b.grid_id
    left join lateral (select count(*) as flats, count(distinct f.unit_no) as units, max(f.floor_no) as floors,
        count(*) filter (where not exists (select 1 from ${households} h where h.flat_id = f.id and h.status = 'active')) as vacant
      from ${flats} f where f.building_id = b.id) fs on true
    order by b.code`);
  return rows.rows;
}

export type BuildingStatsRow = {
  buildingId: string;
  households: number;
  rented: number;
  residents: number;
  floating: number;
  partyMembers: number;
  volunteers: number;
  elderly: number;
};

/**
 * Household and resident counts per building: members are counted per household first (a hash aggregate over the
 * buildings' residents, found by their building index), then households per building.
 */
export async function buildingStats(db: Conn, buildingIds: string[]): Promise<BuildingStatsRow[]> {
  if (buildingIds.length === 0) return [];
  const ids = sql`any(${sql.param(buildingIds)}::uuid[])`;
  const rows = await db.execute<BuildingStatsRow>(sql`select h.building_id as "buildingId", count(*)::int as households,
      (count(*) filter (where h.tenure = 'rented'))::int as rented,
      coalesce(sum(m.residents), 0)::int as residents, coalesce(sum(m.floating), 0)::int as floating,
      coalesce(sum(m.party), 0)::int as "partyMembers", coalesce(sum(m.volunteers), 0)::int as volunteers,
      coalesce(sum(m.elderly), 0)::int as elderly
    from ${households} h
    left join (select r.household_id, count(*) as residents,
          count(*) filter (where r.resident_type = 'floating') as floating,
          count(*) filter (where r.political in ${PARTY}) as party,
          count(*) filter (where r.volunteer) as volunteers,
          count(*) filter (where r.birth_date <= current_date - interval '60 years') as elderly
        from ${residents} r where r.building_id = ${ids} and r.status = 'active' group by r.household_id) m on m.household_id = h.id
    where h.building_id = ${ids} and h.status = 'active'
    group by h.building_id`);
  return rows.rows;
}

/** Per building and care tag: the active households carrying it (on the household or an active member). */
export async function buildingTagCounts(db: Conn, buildingIds: string[]): Promise<{ buildingId: string; tag: string; n: number }[]> {
  if (buildingIds.length === 0) return [];
  const ids = sql`any(${sql.param(buildingIds)}::uuid[])`;
  const rows = await db.execute<{ buildingId: string; tag: string; n: number }>(sql`select x.building_id as "buildingId", x.tag,
      count(distinct x.household_id)::int as n
    from (select h.building_id, h.id as household_id, unnest(h.tags) as tag
            from ${households} h where h.building_id = ${ids} and h.status = 'active'
          union all
          select h.building_id, h.id, unnest(m.tags)
            from ${residents} m join ${households} h on h.id = m.household_id
            where m.building_id = ${ids} and h.building_id = ${ids} and h.status = 'active' and m.status = 'active') x
    group by 1, 2`);
  return rows.rows;
}

/** Every building of a community with its cell, locked, for the collision check of an arrangement. */
export async function lockCommunityPositions(tx: Tx, communityId: string) {
  return tx
    .select({
      id: areaNodes.id,
      name: areaNodes.name,
      communityId: areaNodes.communityId,
      compoundId: areaNodes.compoundId,
      gridId: areaNodes.gridId,
      mapX: areaNodes.mapX,
      mapY: areaNodes.mapY,
    })
    .from(areaNodes)
    .where(and(eq(areaNodes.kind, 'building'), eq(areaNodes.communityId, communityId)))
    .for('update');
}

export async function savePositions(tx: Tx, positions: { buildingId: string; mapX: number; mapY: number }[]): Promise<void> {
  const ids = positions.map((p) => p.buildingId);
  const xs = positions.map((p) => p.mapX);
  const ys = positions.map((p) => p.mapY);
  await tx.execute(sql`update ${areaNodes} set map_x = v.x, map_y = v.y, updated_at = now()
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(xs)}::int[], ${sql.param(ys)}::int[]) as v(id, x, y) where ${areaNodes.id} = v.id`);
}
