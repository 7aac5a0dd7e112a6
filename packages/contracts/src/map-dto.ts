import { z } from 'zod';
import { AreaRef } from './area-dto.js';
import { type Text, text } from './locale.js';
import { Tenure } from './registry-dto.js';
import { ROLE_LABELS } from './roles.js';

const count = z.number().int().min(0);

/** Active residents by resident type (户籍 / 流动 / 人户分离 / 境外). */
export const ResidentTypeCounts = z.object({ registered: count, floating: count, away: count, overseas: count });
export type ResidentTypeCounts = z.infer<typeof ResidentTypeCounts>;

/** Households (a flat's or a building's) carrying each care tag, on the household or on a member. */
export const TagCounts = z.record(z.string(), count);
export type TagCounts = z.infer<typeof TagCounts>;

/** One flat of the building map (楼栋图) with the household summary every layer needs. */
export const MapFlatCell = z
  .object({
    flatId: z.uuid(),
    unitNo: z.number().int(),
    floorNo: z.number().int(),
    position: z.number().int(),
    flatNo: z.string(),
    /** the first active household; null when the flat is vacant */
    householdId: z.uuid().nullable(),
    householdCount: count,
    tenure: Tenure.nullable(),
    memberCount: count,
    /** union of the household's and its members' care tags */
    tags: z.array(z.string()),
    types: ResidentTypeCounts,
    /** political status 01/02 (CPC member, probationary member) */
    partyMembers: count,
    volunteers: count,
    /** aged 60 or over */
    elderly: count,
    /** the head's surname and a star (张*); the household card shows the rest to whoever may see it */
    headName: z.string().nullable(),
  })
  .meta({ id: 'MapFlatCell' });
export type MapFlatCell = z.infer<typeof MapFlatCell>;

/** 楼长 building leader · 网格员 grid worker · 红色驿站党员 red-post party member */
export const ResponsibleRole = z.enum(['building_leader', 'grid_worker', 'red_post']);
export type ResponsibleRole = z.infer<typeof ResponsibleRole>;

export const RESPONSIBLE_ROLE_LABELS: Record<ResponsibleRole, Text> = {
  building_leader: ROLE_LABELS.building_leader,
  grid_worker: ROLE_LABELS.grid_worker,
  red_post: text('红色驿站党员', 'Red-post party member'),
};

/** Tag colours of the building map's responsible list. */
export const RESPONSIBLE_ROLE_COLORS: Record<ResponsibleRole, string> = { building_leader: 'blue', grid_worker: 'green', red_post: 'red' };

export const ResponsiblePerson = z.object({
  role: ResponsibleRole,
  name: z.string(),
  /** a user holding the role on the building or its grid, or a post held by a resident */
  source: z.enum(['user', 'post']),
  userId: z.uuid().nullable(),
  residentId: z.uuid().nullable(),
  /** where a post holder lives in the building, e.g. 2单元 301 */
  unitNo: z.number().int().nullable(),
  flatNo: z.string().nullable(),
});
export type ResponsiblePerson = z.infer<typeof ResponsiblePerson>;

export const MapCounts = z.object({
  flats: count,
  households: count,
  residents: count,
  vacant: count,
  rented: count,
  floating: count,
  partyMembers: count,
  volunteers: count,
  elderly: count,
});
export type MapCounts = z.infer<typeof MapCounts>;

export const MapBuildingRef = AreaRef.extend({
  compoundId: z.uuid().nullable(),
  compoundName: z.string().nullable(),
  gridId: z.uuid().nullable(),
  gridName: z.string().nullable(),
  communityId: z.uuid().nullable(),
});
export type MapBuildingRef = z.infer<typeof MapBuildingRef>;

export const BuildingMapDto = z
  .object({
    building: MapBuildingRef,
    /** district … compound, root first */
    ancestors: z.array(AreaRef),
    cells: z.array(MapFlatCell),
    counts: MapCounts,
    tagCounts: TagCounts,
    responsible: z.array(ResponsiblePerson),
    /** the building's community, compound and grid whose site map the actor may open */
    sites: z.array(AreaRef),
    abilities: z.object({ canOpenHousehold: z.boolean(), canEditLayout: z.boolean() }),
  })
  .meta({ id: 'BuildingMap' });
export type BuildingMapDto = z.infer<typeof BuildingMapDto>;

/** One building on the site map: where it stands (map_x, map_y) and its counts. */
export const SiteBuilding = MapBuildingRef.omit({ kind: true, communityId: true }).extend({
  mapX: z.number().int(),
  mapY: z.number().int(),
  /** false when the server placed it automatically because no one has arranged it yet */
  positioned: z.boolean(),
  units: count,
  floors: z.number().int(),
  counts: MapCounts,
  tagCounts: TagCounts,
});
export type SiteBuilding = z.infer<typeof SiteBuilding>;

export const SiteMapDto = z
  .object({
    area: AreaRef,
    ancestors: z.array(AreaRef),
    communityId: z.uuid().nullable(),
    buildings: z.array(SiteBuilding),
    counts: MapCounts,
    tagCounts: TagCounts,
    /** the sites above this one (a compound's or grid's community) whose map the actor may open */
    sites: z.array(AreaRef),
    abilities: z.object({ canArrange: z.boolean() }),
  })
  .meta({ id: 'SiteMap' });
export type SiteMapDto = z.infer<typeof SiteMapDto>;

export const SITE_GRID_MAX = 199;

export const BuildingPosition = z.object({
  buildingId: z.uuid(),
  mapX: z.number().int().min(0).max(SITE_GRID_MAX),
  mapY: z.number().int().min(0).max(SITE_GRID_MAX),
});
export type BuildingPosition = z.infer<typeof BuildingPosition>;

/** Staff arranging the site: new grid cells for some buildings; the rest keep theirs. */
export const SitePositionsInput = z.object({ positions: z.array(BuildingPosition).min(1).max(500) });
export type SitePositionsInput = z.infer<typeof SitePositionsInput>;
