import type { AreaKind } from '@linli/contracts';
import type { ScopedRow } from '../../core/actor.js';

type Ancestry = Required<ScopedRow>;
export type ParentNode = Ancestry & { id: string; kind: AreaKind };

/**
 * The ancestor ids a new node stores: its parent's, plus itself at its own level.
 * A building also names the grid that manages it.
 */
export function ancestryFor(kind: AreaKind, id: string, parent: ParentNode | null, gridId?: string | null): Ancestry {
  const base: Ancestry = parent
    ? {
        districtId: parent.districtId,
        streetId: parent.streetId,
        communityId: parent.communityId,
        compoundId: parent.compoundId,
        gridId: null,
        buildingId: null,
      }
    : { districtId: null, streetId: null, communityId: null, compoundId: null, gridId: null, buildingId: null };
  switch (kind) {
    case 'district':
      return { ...base, districtId: id };
    case 'street':
      return { ...base, streetId: id };
    case 'community':
      return { ...base, communityId: id };
    case 'compound':
      return { ...base, compoundId: id };
    case 'grid':
      return { ...base, gridId: id };
    case 'building':
      return { ...base, buildingId: id, gridId: gridId ?? null };
  }
}

/** The ids of a node's parent chain, root first (a building's managing grid is not in it). */
export function ancestorIds(node: ScopedRow & { id: string }): string[] {
  const chain = [node.districtId, node.streetId, node.communityId, node.compoundId];
  return chain.filter((id): id is string => Boolean(id) && id !== node.id);
}
