import type { AreaRef, BuildingMapDto, MapCounts, MapFlatCell, SiteBuilding, SiteMapDto, TagCounts } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import { canEditArea } from '../areas/policy.js';
import { maskName } from './mask-name.js';
import { type MapPolicyNode, SITE_KINDS, canArrangeSite, canOpenHousehold, canReadMap } from './policy.js';
import type { ExistingFlat } from '../areas/layout-plan.js';
import type { HouseholdSummaryRow, MapNodeRow, PersonRow } from './repo.js';
import type { BuildingStatsRow, SiteBuildingRow } from './repo-site.js';
import type { Placed } from './site-layout.js';

const ZERO: MapCounts = {
  flats: 0,
  households: 0,
  residents: 0,
  vacant: 0,
  rented: 0,
  floating: 0,
  partyMembers: 0,
  volunteers: 0,
  elderly: 0,
};

function addCounts(a: MapCounts, b: MapCounts): MapCounts {
  const out = { ...a };
  for (const k of Object.keys(ZERO) as (keyof MapCounts)[]) out[k] += b[k];
  return out;
}

function addTags(into: TagCounts, tags: Iterable<[string, number]>): TagCounts {
  for (const [tag, n] of tags) into[tag] = (into[tag] ?? 0) + n;
  return into;
}

function cellOf(flat: ExistingFlat, here: HouseholdSummaryRow[]): MapFlatCell {
  const sum = (k: 'members' | 'registered' | 'floating' | 'away' | 'overseas' | 'partyMembers' | 'volunteers' | 'elderly') =>
    here.reduce((s, h) => s + h[k], 0);
  const first = here[0];
  return {
    flatId: flat.id,
    unitNo: flat.unitNo,
    floorNo: flat.floorNo,
    position: flat.position,
    flatNo: flat.flatNo,
    householdId: first?.id ?? null,
    householdCount: here.length,
    tenure: first?.tenure ?? null,
    memberCount: sum('members'),
    tags: [...new Set(here.flatMap((h) => h.tags))].sort(),
    types: { registered: sum('registered'), floating: sum('floating'), away: sum('away'), overseas: sum('overseas') },
    partyMembers: sum('partyMembers'),
    volunteers: sum('volunteers'),
    elderly: sum('elderly'),
    headName: first?.headName ? maskName(first.headName) : null,
  };
}

/** Counts of a set of households and the flats they live in. */
function countsOf(flats: number, vacant: number, hs: HouseholdSummaryRow[]): MapCounts {
  const sum = (k: 'members' | 'floating' | 'partyMembers' | 'volunteers' | 'elderly') => hs.reduce((s, h) => s + h[k], 0);
  return {
    flats,
    households: hs.length,
    residents: sum('members'),
    vacant,
    rented: hs.filter((h) => h.tenure === 'rented').length,
    floating: sum('floating'),
    partyMembers: sum('partyMembers'),
    volunteers: sum('volunteers'),
    elderly: sum('elderly'),
  };
}

/** A site (community, compound or grid) above a building, with the scope ids the building tells about it. */
function siteScope(b: MapNodeRow, site: AreaRef): MapPolicyNode {
  const base = { id: site.id, kind: site.kind, districtId: b.districtId, streetId: b.streetId, communityId: b.communityId };
  if (site.kind === 'compound') return { ...base, compoundId: site.id };
  return site.kind === 'grid' ? { ...base, gridId: site.id } : base;
}

function readableSites(actor: Actor, node: MapNodeRow, refs: AreaRef[]): AreaRef[] {
  return refs.filter((a) => SITE_KINDS.includes(a.kind) && canReadMap(actor, siteScope(node, a)));
}

export type BuildingMapParts = {
  node: MapNodeRow;
  ancestors: AreaRef[];
  compound: AreaRef | null;
  grid: AreaRef | null;
  flats: ExistingFlat[];
  households: HouseholdSummaryRow[];
  people: PersonRow[];
};

export function presentBuildingMap(actor: Actor, p: BuildingMapParts): BuildingMapDto {
  const byFlat = new Map<string, HouseholdSummaryRow[]>();
  for (const h of p.households) if (h.flatId) byFlat.set(h.flatId, [...(byFlat.get(h.flatId) ?? []), h]);
  const cells = p.flats.map((f) => cellOf(f, byFlat.get(f.id) ?? []));
  const tagCounts = addTags(
    {},
    p.households.flatMap((h) => h.tags.map((t): [string, number] => [t, 1])),
  );
  return {
    building: {
      id: p.node.id,
      kind: p.node.kind,
      code: p.node.code,
      name: p.node.name,
      compoundId: p.compound?.id ?? null,
      compoundName: p.compound?.name ?? null,
      gridId: p.grid?.id ?? null,
      gridName: p.grid?.name ?? null,
      communityId: p.node.communityId,
    },
    ancestors: p.ancestors,
    cells,
    counts: countsOf(p.flats.length, cells.filter((c) => c.householdCount === 0).length, p.households),
    tagCounts,
    responsible: p.people,
    sites: readableSites(actor, p.node, [...p.ancestors, ...(p.grid ? [p.grid] : [])]),
    abilities: { canOpenHousehold: canOpenHousehold(actor, p.node), canEditLayout: canEditArea(actor, p.node) },
  };
}

export type SiteParts = {
  node: MapNodeRow;
  ancestors: AreaRef[];
  buildings: Placed<SiteBuildingRow>[];
  stats: BuildingStatsRow[];
  tags: { buildingId: string; tag: string; n: number }[];
};

export function presentSiteMap(actor: Actor, p: SiteParts): SiteMapDto {
  const stats = new Map(p.stats.map((s) => [s.buildingId, s]));
  const tagsOf = new Map<string, [string, number][]>();
  for (const t of p.tags) tagsOf.set(t.buildingId, [...(tagsOf.get(t.buildingId) ?? []), [t.tag, t.n]]);
  const buildings: SiteBuilding[] = p.buildings.map((b) => {
    const s = stats.get(b.id);
    return {
      id: b.id,
      code: b.code,
      name: b.name,
      compoundId: b.compoundId,
      compoundName: b.compoundName,
      gridId: b.gridId,
      gridName: b.gridName,
      mapX: b.mapX,
      mapY: b.mapY,
      positioned: b.positioned,
      units: b.units,
      floors: b.floors,
      counts: {
        flats: b.flats,
        households: s?.households ?? 0,
        residents: s?.residents ?? 0,
        vacant: b.vacant,
        rented: s?.rented ?? 0,
        floating: s?.floating ?? 0,
        partyMembers: s?.partyMembers ?? 0,
        volunteers: s?.volunteers ?? 0,
        elderly: s?.elderly ?? 0,
      },
      tagCounts: addTags({}, tagsOf.get(b.id) ?? []),
    };
  });
  return {
    area: { id: p.node.id, kind: p.node.kind, code: p.node.code, name: p.node.name },
    ancestors: p.ancestors,
    communityId: p.node.communityId,
    buildings,
    counts: buildings.reduce((acc, b) => addCounts(acc, b.counts), ZERO),
    tagCounts: buildings.reduce((acc, b) => addTags(acc, Object.entries(b.tagCounts)), {} as TagCounts),
    sites: readableSites(actor, p.node, p.ancestors),
    abilities: { canArrange: canArrangeSite(actor, p.node) },
  };
}
