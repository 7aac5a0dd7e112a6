import type { AreaDetailDto, AreaNodeDto, AreaRef, BuildingLayoutDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import type { FlatRow } from './repo-flats.js';
import { areaAbilities } from './policy.js';
import type { AreaNodeRow } from './repo.js';

export function presentArea(actor: Actor, row: AreaNodeRow): AreaNodeDto {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    parentId: row.parentId,
    // grids store their own id in grid_id; only a building's grid is worth showing
    gridId: row.kind === 'building' ? row.gridId : null,
    childCount: row.childCount,
    units: row.units,
    floors: row.floors,
    abilities: areaAbilities(actor, row),
  };
}

export function presentAreaDetail(actor: Actor, row: AreaNodeRow, ancestors: AreaRef[]): AreaDetailDto {
  return { ...presentArea(actor, row), ancestors };
}

export function presentLayout(buildingId: string, flats: FlatRow[]): BuildingLayoutDto {
  return {
    buildingId,
    flats: flats.map((f) => ({ id: f.id, unitNo: f.unitNo, floorNo: f.floorNo, flatNo: f.flatNo, householdCount: f.householdCount })),
  };
}
