import type { Ability, BuildingMapDto, SiteMapDto } from '@linli/contracts';
import { type Actor, hasAbility } from '../../core/actor.js';
import type { AuthedCtx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import type { Db, Tx } from '../../db/pool.js';
import { areaRefs } from '../areas/repo.js';
import { ancestorIds } from '../areas/tree.js';
import { type MapPolicyNode, SITE_KINDS, canReadMap } from './policy.js';
import { presentBuildingMap, presentSiteMap } from './presenter.js';
import { type MapNodeRow, findMapNode, listBuildingFlats, listHouseholdSummaries, listResponsible } from './repo.js';
import { buildingStats, buildingTagCounts, listSiteBuildings } from './site-repo.js';
import { placeBuildings } from './site-layout.js';

const missing = () => new AppError('NOT_FOUND');

/** A node the actor may see, else 404; without `ability` anywhere the answer is 403. */
export async function visibleNode(
  db: Db | Tx,
  actor: Actor,
  id: string,
  ability: Ability,
  visible: (actor: Actor, node: MapPolicyNode) => boolean,
): Promise<MapNodeRow> {
  if (!hasAbility(actor, ability)) throw forbidden();
  const node = await findMapNode(db, id);
  if (!node || !visible(actor, node)) throw missing();
  return node;
}

/** One building's map (楼栋图): a cell per flat with its household summary, counts and the responsible people. */
export async function getBuildingMap({ ctx, id }: { ctx: AuthedCtx; id: string }): Promise<BuildingMapDto> {
  const { db, actor } = ctx;
  const node = await visibleNode(db, actor, id, 'registry.read', canReadMap);
  if (node.kind !== 'building') throw missing();
  const [refs, flats, households, people] = await Promise.all([
    areaRefs(db, [...ancestorIds(node), ...(node.gridId ? [node.gridId] : [])]),
    listBuildingFlats(db, node.id),
    listHouseholdSummaries(db, node.id),
    listResponsible(db, node),
  ]);
  const grid = refs.find((r) => r.kind === 'grid') ?? null;
  const ancestors = refs.filter((r) => r !== grid);
  const compound = ancestors.find((r) => r.kind === 'compound') ?? null;
  return presentBuildingMap(actor, { node, ancestors, compound, grid, flats, households, people });
}

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

/** Every building of a community, compound or grid at a glance, laid out like the site. */
export async function getSiteMap({ ctx, id }: { ctx: AuthedCtx; id: string }): Promise<SiteMapDto> {
  const node = await visibleNode(ctx.db, ctx.actor, id, 'registry.read', canReadMap);
  if (!SITE_KINDS.includes(node.kind)) throw missing();
  return loadSiteMap(ctx.db, ctx.actor, node);
}
