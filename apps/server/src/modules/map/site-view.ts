import type { SiteMapDto } from '@linli/contracts';
import type { Actor } from '../../core/actor.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaRefs } from '../areas/repo.js';
import { ancestorIds } from '../areas/tree.js';
import { presentSiteMap } from './presenter.js';
import type { MapNodeRow } from './repo.js';
import { buildingStats, buildingTagCounts, listSiteBuildings } from './repo-site.js';
import { placeBuildings } from './site-layout.js';

/** The site map of a node already authorised: buildings on their cells, with counts. */
export async function loadSiteMap(db: Db | Tx, actor: Actor, node: MapNodeRow): Promise<SiteMapDto> {
  const rows = await listSiteBuildings(db, actor, node);
  const ids = rows.map((r) => r.id);
  // one after the other: inside a transaction the queries share a client
  const ancestors = await areaRefs(db, ancestorIds(node));
  const stats = await buildingStats(db, ids);
  const tags = await buildingTagCounts(db, ids);
  return presentSiteMap(actor, { node, ancestors, buildings: placeBuildings(rows), stats, tags });
}
