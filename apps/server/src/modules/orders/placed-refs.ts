import type { OrderRefs } from './repo-refs.js';
import type { OrderLocation } from './record.js';
import type { ServiceRow } from './repo.js';

/**
 * The names a just-placed order's answer needs, from the rows its placement already loaded (service, place, placer),
 * so the answer costs no query; null when the place came without its names (then the caller loads them).
 */
export function placedOrderRefs(
  service: ServiceRow,
  location: OrderLocation,
  placedBy: { id: string; name: string },
  communityMayClose: boolean,
): OrderRefs | null {
  if (!location.names) return null;
  const { flat, areas } = location.names;
  const { id, code, name, category, emergency, fields } = service;
  return {
    services: new Map([[id, { id, code, name, category, emergency, fields }]]),
    areaNames: new Map(areas),
    flats: new Map(flat && location.flatId ? [[location.flatId, flat]] : []),
    orgNames: new Map(),
    userNames: new Map([[placedBy.id, placedBy.name]]),
    orderNos: new Map(),
    closingCommunities: new Set(communityMayClose ? [location.communityId] : []),
  };
}
