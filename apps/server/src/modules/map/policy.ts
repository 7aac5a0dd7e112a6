import type { AreaKind, ResponsibleRole, Role } from '@linli/contracts';
import { type Actor, type ScopedRow, canOn } from '../../core/actor.js';

/** A loaded area node as the map policies see it. */
export type MapPolicyNode = ScopedRow & { id: string; kind: AreaKind };

/** The kinds a site map (every building at a glance) can be drawn for. */
export const SITE_KINDS: readonly AreaKind[] = ['community', 'compound', 'grid'];

/** Reading a building map or site map: some registry.read assignment covers the node. */
export function canReadMap(actor: Actor, node: MapPolicyNode): boolean {
  return canOn(actor, 'registry.read', node);
}

/** Opening a flat's household card from the map: registry.read on the building. */
export function canOpenHousehold(actor: Actor, building: MapPolicyNode): boolean {
  return canOn(actor, 'registry.read', building);
}

/** Arranging the buildings of a site on its grid: areas.write on the site's node. */
export function canArrangeSite(actor: Actor, node: MapPolicyNode): boolean {
  return SITE_KINDS.includes(node.kind) && canOn(actor, 'areas.write', node);
}

/** Seeing a site to arrange it: its map, or the area tree (areas.read) covering it. */
export function canSeeSite(actor: Actor, node: MapPolicyNode): boolean {
  return canReadMap(actor, node) || canOn(actor, 'areas.read', node);
}

/** The roles whose holders a building map names as responsible: on the building, and on its grid. */
export type StaffRoles = { building: Role & ResponsibleRole; grid: Role & ResponsibleRole };

/** 楼长 holding the role on the building, 网格员 on its grid. */
export const RESPONSIBLE_STAFF: StaffRoles = { building: 'building_leader', grid: 'grid_worker' };
